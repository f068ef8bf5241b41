namespace Fluxum.Models;

/// <summary>The exchange's clock against ours.</summary>
public sealed class ServerTime
{
    public ExchangeId Exchange { get; init; }
    public DateTimeOffset ServerTimeUtc { get; init; }
    public DateTimeOffset LocalTimeUtc { get; init; }

    /// <summary>Server minus local, measured at the midpoint of the round trip.</summary>
    public TimeSpan Offset { get; init; }
    public TimeSpan RoundTrip { get; init; }
    public double OffsetMilliseconds => Offset.TotalMilliseconds;
}
