using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Conformance;

public sealed class KrakenMarketDataConformance(ExchangeServerFixture fixture) : MarketDataConformance(fixture)
{
    protected override ExchangeId Exchange => ExchangeId.Kraken;
    protected override string Symbol => "BTC/USD";
    protected override Lack Lacks => Lack.AggregateTrades | Lack.Trading;
    protected override (string Body, string ErrorId) UnknownSymbolAnswer => ("""{"error":["EQuery:Unknown asset pair"]}""", "Kraken.EQuery:UnknownAssetPair");
}
