using Fluxum.Tests.Support;
using Fluxum.Credentials;
using Fluxum.Engine;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Transport;
using Fluxum.Models;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Trading;

namespace Fluxum.Tests.Trading;

/// <summary>A funded test-exchange account and the Binance trading client that signs for it.</summary>
internal static class TradingAccount
{
    /// <summary>The client's request timeout: long enough for a loaded machine, short enough for the timeout faults.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <param name="recvWindow">
    /// How long a signed request stays valid at the exchange; a lost request's "not placed" or "still open"
    /// verdict waits at least this long, so tests of those verdicts keep it short.
    /// </param>
    public static (BinanceSpotTrading Trading, BinanceAccount Account) Open(TestExchangeServer server, TimeSpan? lookupPatience = null, int recvWindow = 5000)
    {
        var key = "key-" + Guid.NewGuid().ToString("N")[..12];
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var account = server.BinanceAccounts.AddHmacAccount(key, secret);
        account.Deposit("USDT", 100_000m);
        account.Deposit("BTC", 2m);
        var trading = ExchangeClients.BinanceTrading(server, key, secret, recvWindow, Timeout);
        trading.LookupPatience = lookupPatience ?? TimeSpan.FromSeconds(3);
        return (trading, account);
    }

    public static async Task<decimal> LastPriceAsync(BinanceSpotTrading trading) =>
        (await trading.Connection.Market.GetPriceTickersAsync(new[] { "BTCUSDT" }, default)).Single().Price;

    public static decimal Tick(decimal price) => Math.Round(price, 2);
}
