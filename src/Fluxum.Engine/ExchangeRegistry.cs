using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Engine;

/// <summary>What Fluxum knows of each exchange without asking it: market, addresses, and (once an adapter exists) capabilities.</summary>
internal static class ExchangeRegistry
{
    public static IReadOnlyList<ExchangeInfo> All { get; } = new[]
    {
        Implemented(ExchangeId.Binance, MarketType.Spot, BinanceSpotMarketData.LiveUrl, BinanceSpotMarketData.TestnetUrl,
            BinanceSpotMarketData.Capabilities, BinanceSpotMarketData.SupportedIntervals) with { StreamUrl = BinanceSpotStreams.LiveUrl },
        Planned(ExchangeId.BinanceUsdM, MarketType.UsdMarginedFutures, "https://fapi.binance.com", "https://testnet.binancefuture.com"),
        Planned(ExchangeId.BinanceCoinM, MarketType.CoinMarginedFutures, "https://dapi.binance.com", "https://testnet.binancefuture.com"),
        Implemented(ExchangeId.Kraken, MarketType.Spot, KrakenSpotMarketData.LiveUrl, null,
            KrakenSpotMarketData.Capabilities, KrakenSpotMarketData.SupportedIntervals) with { StreamUrl = KrakenSpotStreams.LiveUrl },
        Planned(ExchangeId.Coinbase, MarketType.Spot, "https://api.coinbase.com", null),
        Planned(ExchangeId.Gemini, MarketType.Spot, "https://api.gemini.com", "https://api.sandbox.gemini.com"),
        Planned(ExchangeId.Mexc, MarketType.Spot, "https://api.mexc.com", null),
        Planned(ExchangeId.Hyperliquid, MarketType.Perpetuals, "https://api.hyperliquid.xyz", "https://api.hyperliquid-testnet.xyz"),
        Planned(ExchangeId.Bitrue, MarketType.Spot, "https://openapi.bitrue.com", null),
    };

    public static ExchangeInfo Get(ExchangeId exchange) => All.First(e => e.Exchange == exchange);

    /// <summary>
    /// The exchanges with the addresses in use: FLUXUM_&lt;ID&gt;_REST_URL and _WS_URL replace the built-in ones, so
    /// Get-FxExchange shows where commands really go. A malformed override is shown as set; commands report it.
    /// </summary>
    public static IReadOnlyList<ExchangeInfo> Effective() => All.Select(e => e with
    {
        RestUrl = Override(e.Exchange, "REST") ?? e.RestUrl,
        StreamUrl = e.StreamUrl is null ? null : Override(e.Exchange, "WS") ?? e.StreamUrl,
    }).ToList();

    private static string? Override(ExchangeId exchange, string kind) =>
        Environment.GetEnvironmentVariable($"FLUXUM_{exchange.ToString().ToUpperInvariant()}_{kind}_URL") is { Length: > 0 } url ? url.Trim() : null;

    private static ExchangeInfo Implemented(ExchangeId id, MarketType market, string rest, string? testnet,
        ExchangeCapabilities capabilities, IReadOnlyList<CandleInterval> intervals) => new()
    {
        Exchange = id,
        Name = ExchangeNames.DisplayName(id),
        Market = market,
        IsImplemented = true,
        HasTestnet = testnet is not null,
        Capabilities = capabilities,
        CandleIntervals = string.Join(",", intervals),
        RestUrl = rest,
        TestnetRestUrl = testnet,
    };

    private static ExchangeInfo Planned(ExchangeId id, MarketType market, string rest, string? testnet) => new()
    {
        Exchange = id,
        Name = ExchangeNames.DisplayName(id),
        Market = market,
        IsImplemented = false,
        HasTestnet = testnet is not null,
        Capabilities = ExchangeCapabilities.None,
        RestUrl = rest,
        TestnetRestUrl = testnet,
    };
}
