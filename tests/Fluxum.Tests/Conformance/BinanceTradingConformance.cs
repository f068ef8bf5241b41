using Fluxum.Credentials;
using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.Trading;

namespace Fluxum.Tests.Conformance;

public sealed class BinanceTradingConformance(ExchangeServerFixture fixture) : TradingConformance(fixture)
{
    protected override ExchangeId Exchange => ExchangeId.Binance;
    protected override string Symbol => "BTC/USDT";
    protected override IReadOnlyList<OrderType> OrderTypes => Enum.GetValues<OrderType>();

    protected override (ExchangeCredential Credential, Func<int> OrderCount) OpenAccount()
    {
        var key = "key-" + Guid.NewGuid().ToString("N")[..12];
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var account = Server.BinanceAccounts.AddHmacAccount(key, secret);
        account.Deposit("USDT", 100_000m);
        account.Deposit("BTC", 2m);
        return (new ExchangeCredential(ExchangeId.Binance, key, secret, "test"), () => account.OrderCount);
    }
}
