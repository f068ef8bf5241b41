using Fluxum.Engine.Transport;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>Kraken spot: public REST under /0/public (paced calls) and WebSocket v2 streams with CRC32-checked books.</summary>
internal sealed class KrakenSpotModule : IExchangeModule
{
    public static readonly IReadOnlyList<CandleInterval> Intervals =
        "1m 5m 15m 30m 1h 4h 1d 1w 15d".Split(' ').Select(CandleInterval.Parse).ToArray();

    public ExchangeAddresses Addresses { get; } = new(new ExchangeAddress("https://api.kraken.com"), new ExchangeAddress("wss://ws.kraken.com/"));

    public ExchangeInfo Info => new()
    {
        Exchange = ExchangeId.Kraken,
        Name = "Kraken",
        Family = "Kraken",
        Market = MarketType.Spot,
        IsImplemented = true,
        HasTestnet = false,
        Capabilities = ExchangeCapabilities.ServerTime | ExchangeCapabilities.Symbols | ExchangeCapabilities.Depth | ExchangeCapabilities.Ticker
            | ExchangeCapabilities.PriceTicker | ExchangeCapabilities.BookTicker | ExchangeCapabilities.RecentTrades
            | ExchangeCapabilities.TradeHistoryByTime | ExchangeCapabilities.Candles | ExchangeCapabilities.Streams,
        CandleIntervals = string.Join(",", Intervals),
        RestUrl = Addresses.Rest.Live,
        StreamUrl = Addresses.Stream!.Live,
    };

    /// <summary>Kraken's public API allows about one call a second with a small burst.</summary>
    public IReadOnlyList<IRateBudget> AddressBudgets() => new IRateBudget[] { new TokenBucket("calls", capacity: 10, perSecond: 1) };

    public IErrorReader Errors { get; } = new KrakenErrorReader();

    public global::Fluxum.Books.BookKind? BookKind => global::Fluxum.Books.BookKind.Checksummed;

    public IMarketData Market(ExchangeConnection connection) => new KrakenSpotMarketData(connection);

    public IMarketStreams Streams(ExchangeConnection connection) =>
        new KrakenSpotStreams((KrakenSpotMarketData)connection.Market, connection.StreamBase(), connection.StreamSettings());
}
