using Fluxum.Credentials;
using Fluxum.Engine;
using Fluxum.Engine.Exchanges;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Models;
using Fluxum.TestExchange;

namespace Fluxum.Tests.Support;

/// <summary>
/// The module's own clients, built through the module list as the engine builds them, pointed at the test
/// exchange by the FLUXUM_* variables its venues hand out (no hand wiring of transports or gates).
/// </summary>
internal static class ExchangeClients
{
    /// <summary>The engine the module runs, reading <paramref name="server"/>'s variables and <paramref name="settings"/> before the process environment.</summary>
    public static FluxumEngine Engine(TestExchangeServer server, params (string Name, string Value)[] settings)
    {
        var variables = new Dictionary<string, string>(Variables(server), StringComparer.Ordinal);
        foreach (var (name, value) in settings) variables[name] = value;
        return new FluxumEngine(EngineSettings.Over(variables));
    }

    public static ExchangeConnection Connection(TestExchangeServer server, ExchangeId exchange, TimeSpan? timeout = null) =>
        Engine(server, ("FLUXUM_HTTP_TIMEOUT_SEC", (timeout ?? TimeSpan.FromSeconds(5)).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Connection(exchange, TradingEnvironment.Live);

    public static BinanceSpotMarketData Binance(TestExchangeServer server, TimeSpan? timeout = null) =>
        (BinanceSpotMarketData)Connection(server, ExchangeId.Binance, timeout).Market;

    public static KrakenSpotMarketData Kraken(TestExchangeServer server, TimeSpan? timeout = null) =>
        (KrakenSpotMarketData)Connection(server, ExchangeId.Kraken, timeout).Market;

    /// <summary>A Binance account as the engine opens it; a second account of the same connection gets its own order counters.</summary>
    public static BinanceSpotTrading BinanceTrading(ExchangeConnection connection, ExchangeCredential credential, int recvWindow = 5000) =>
        (BinanceSpotTrading)connection.Module.Trading(connection, connection.Account(credential, recvWindow))!;

    public static BinanceSpotTrading BinanceTrading(TestExchangeServer server, string key, string secret, int recvWindow = 5000, TimeSpan? timeout = null) =>
        BinanceTrading(Connection(server, ExchangeId.Binance, timeout), new ExchangeCredential(ExchangeId.Binance, key, secret, "test"), recvWindow);

    public static BinanceSpotStreams BinanceStreams(BinanceSpotMarketData market, Engine.Streams.StreamOptions options) =>
        new(market, market.Connection.StreamBase(), options);

    public static KrakenSpotStreams KrakenStreams(KrakenSpotMarketData market, Engine.Streams.StreamOptions options) =>
        new(market, market.Connection.StreamBase(), options);

    /// <summary>The variables that point every implemented exchange at <paramref name="server"/>.</summary>
    public static IReadOnlyDictionary<string, string> Variables(TestExchangeServer server) => new Dictionary<string, string>
    {
        ["FLUXUM_BINANCE_REST_URL"] = server.BaseUri.AbsoluteUri,
        ["FLUXUM_BINANCE_WS_URL"] = server.WebSocketUri.AbsoluteUri,
        ["FLUXUM_KRAKEN_REST_URL"] = server.BaseUri.AbsoluteUri,
        ["FLUXUM_KRAKEN_WS_URL"] = server.WebSocketUri.AbsoluteUri,
    };
}
