using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Conformance;

public sealed class BinanceMarketDataConformance(ExchangeServerFixture fixture) : MarketDataConformance(fixture)
{
    protected override ExchangeId Exchange => ExchangeId.Binance;
    protected override string Symbol => "BTC/USDT";
    protected override Lack Lacks => Lack.PlainTradeHistoryByTime;
    protected override (string Body, string ErrorId) UnknownSymbolAnswer => ("""{"code":-1121,"msg":"Invalid symbol."}""", "Binance.-1121");
}
