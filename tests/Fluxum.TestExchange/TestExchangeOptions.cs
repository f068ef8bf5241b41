namespace Fluxum.TestExchange;

public sealed class TestExchangeOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Binance REQUEST_WEIGHT per minute; the next request past it gets 429, Retry-After and -1003.</summary>
    public int BinanceWeightLimitPerMinute { get; set; } = 6000;

    /// <summary>Null: the real clock.</summary>
    public DateTimeOffset? FixedNow { get; set; }
}
