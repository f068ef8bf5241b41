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
}
