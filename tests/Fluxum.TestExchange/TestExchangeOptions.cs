namespace Fluxum.TestExchange;

/// <summary>How a <see cref="TestExchangeServer"/> starts and behaves.</summary>
public sealed class TestExchangeOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; } = 0;

    /// <summary>Binance REQUEST_WEIGHT per minute; a request that would pass it gets 429, Retry-After and -1003.</summary>
    public int BinanceWeightLimitPerMinute { get; set; } = 6000;

    /// <summary>
    /// The exchanges' clock: serverTime and the "now" of all market data. Null follows the real clock. Read on
    /// every request, so a test may move it while the server runs.
    /// </summary>
    public DateTimeOffset? FixedNow { get; set; }

    /// <summary>WebSocket ping frames from the server (Binance: every 20 s).</summary>
    public TimeSpan StreamPingInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A connection that leaves a ping unanswered this long is dropped (Binance: one minute). Zero: never.</summary>
    public TimeSpan StreamPongTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Null: trade and aggTrade streams print the tape as the clock reaches each trade (the ids REST serves; nothing
    /// while <see cref="FixedNow"/> holds the clock). Set: one trade per interval whatever the clock, for benchmarks.
    /// </summary>
    public TimeSpan? StreamTradeInterval { get; set; }

    /// <summary>How often 24hrTicker and 24hrMiniTicker events go out (Binance: 1 s).</summary>
    public TimeSpan StreamTickerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often kline events go out (Binance: 2 s; 1s klines every second at most).</summary>
    public TimeSpan StreamKlineInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often live books change and @depth@100ms (and bookTicker) streams send.</summary>
    public TimeSpan StreamDepthFastInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the plain @depth streams send (the changes since the last one, merged).</summary>
    public TimeSpan StreamDepthSlowInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Incoming messages per second a market-stream connection may send before it is closed (Binance: 5).</summary>
    public int StreamMessagesPerSecond { get; set; } = 5;

    /// <summary>Streams one connection may hold (Binance: 1024).</summary>
    public int StreamMaxPerConnection { get; set; } = 1024;

    /// <summary>Levels a live book is seeded with when its first depth stream is subscribed.</summary>
    public int LiveBookLevels { get; set; } = 5000;

    /// <summary>Depth diffs a live book keeps so that BookAt can rebuild earlier states.</summary>
    public int LiveBookHistory { get; set; } = 6000;

    /// <summary>
    /// A Binance stream connection whose socket has taken no bytes for this long (the client stopped reading) is
    /// dropped, as exchanges drop readers that fall too far behind. Null: only unanswered pings drop it.
    /// </summary>
    public TimeSpan? StreamSlowReaderTimeout { get; set; }

    /// <summary>Frames queued for a connection beyond which it counts as a slow consumer and is dropped.</summary>
    public int StreamMaxQueuedFrames { get; set; } = 200_000;
}
