using Fluxum.Engine.Transport;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Trading;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>
/// Binance spot: public REST under /api/v3, market streams (combined, snapshot + diff books with U/u sequencing),
/// signed trading with HMAC, RSA or Ed25519 keys, and the account's events over the WebSocket API.
/// </summary>
internal sealed class BinanceSpotModule : IExchangeModule
{
    /// <summary>Binance's markets share API keys and one error code table (Binance.-2010).</summary>
    public const string Family = "Binance";

    public const string WeightBudget = "weight";
    public const string Orders10sBudget = "orders-10s";
    public const string OrdersDayBudget = "orders-1d";

    public static readonly IReadOnlyList<CandleInterval> Intervals =
        "1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M".Split(' ').Select(CandleInterval.Parse).ToArray();

    /// <summary>Binance cuts every connection after 24 hours; we move first, at a moment of our choosing.</summary>
    public static readonly TimeSpan StreamLifetime = TimeSpan.FromHours(23) + TimeSpan.FromMinutes(50);

    public ExchangeAddresses Addresses { get; } = new(
        new ExchangeAddress("https://api.binance.com", "https://testnet.binance.vision"),
        new ExchangeAddress("wss://stream.binance.com:9443/", "wss://stream.testnet.binance.vision/"))
    {
        Streams = new Dictionary<string, ExchangeAddress>
        {
            ["api"] = new("wss://ws-api.binance.com:443/", "wss://ws-api.testnet.binance.vision/"),
        },
    };

    public ExchangeInfo Info => new()
    {
        Exchange = ExchangeId.Binance,
        Name = "Binance Spot",
        Family = Family,
        Market = MarketType.Spot,
        IsImplemented = true,
        HasTestnet = true,
        Capabilities = ExchangeCapabilities.ServerTime | ExchangeCapabilities.Symbols | ExchangeCapabilities.Depth | ExchangeCapabilities.Ticker
            | ExchangeCapabilities.PriceTicker | ExchangeCapabilities.BookTicker | ExchangeCapabilities.RecentTrades
            | ExchangeCapabilities.TradeHistoryById | ExchangeCapabilities.TradeHistoryByTime | ExchangeCapabilities.AggregateTrades
            | ExchangeCapabilities.Candles | ExchangeCapabilities.CandleHistory | ExchangeCapabilities.Streams | ExchangeCapabilities.AccountStream
            | ExchangeCapabilities.Trading | ExchangeCapabilities.OrderLists,
        CandleIntervals = string.Join(",", Intervals),
        RestUrl = Addresses.Rest.Live,
        TestnetRestUrl = Addresses.Rest.Testnet,
        StreamUrl = Addresses.Stream!.Live,
        TestnetStreamUrl = Addresses.Stream.Testnet,
    };

    /// <summary>REQUEST_WEIGHT is counted per IP; exchangeInfo publishes the real limit (6,000 a minute today).</summary>
    public IReadOnlyList<IRateBudget> AddressBudgets() => new IRateBudget[]
    {
        new WeightBudget(WeightBudget, "X-MBX-USED-WEIGHT-1M", 6000, TimeSpan.FromMinutes(1)),
    };

    /// <summary>Order counts are kept per account; exchangeInfo publishes the real limits.</summary>
    public IReadOnlyList<IRateBudget> AccountBudgets() => new IRateBudget[]
    {
        new OrderCountBudget(Orders10sBudget, "X-MBX-ORDER-COUNT-10S", 100, TimeSpan.FromSeconds(10), "orders {0}/{1} in 10 s"),
        new OrderCountBudget(OrdersDayBudget, "X-MBX-ORDER-COUNT-1D", 200_000, TimeSpan.FromDays(1), "{0}/{1} today"),
    };

    public IErrorReader Errors { get; } = new BinanceErrorReader(ExchangeId.Binance);

    public global::Fluxum.Books.BookKind? BookKind => global::Fluxum.Books.BookKind.Sequenced;

    public IMarketData Market(ExchangeConnection connection) => new BinanceSpotMarketData(connection);

    public IMarketStreams Streams(ExchangeConnection connection) =>
        new BinanceSpotStreams((BinanceSpotMarketData)connection.Market, connection.StreamBase(), connection.StreamSettings(StreamLifetime));

    public ITrading Trading(ExchangeConnection connection, ExchangeAccount account) => new BinanceSpotTrading(connection, account);

    public IAccountStreams AccountStreams(ExchangeConnection connection, ExchangeAccount account) => new BinanceSpotTrading(connection, account);
}
