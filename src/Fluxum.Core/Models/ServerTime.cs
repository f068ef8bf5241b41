namespace Fluxum.Models;

/// <summary>The exchange's clock against ours.</summary>
public sealed class ServerTime
{
    public ExchangeId Exchange { get; init; }
    public DateTimeOffset ServerTimeUtc { get; init; }
    public DateTimeOffset LocalTimeUtc { get; init; }

    /// <summary>
    /// Server minus local, measured at the midpoint of the round trip, to <see cref="Resolution"/>: an exchange that
    /// tells time in whole seconds (Kraken) gives an offset in whole seconds, since any finer figure would be noise.
    /// </summary>
    public TimeSpan Offset { get; init; }
    public TimeSpan RoundTrip { get; init; }
    public double OffsetMilliseconds => Offset.TotalMilliseconds;

    /// <summary>The finest step of the exchange's clock reading: 1 ms for Binance, 1 s for Kraken.</summary>
    public TimeSpan Resolution { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The best estimate of server minus local at <paramref name="resolution"/>: a reading truncated to whole steps
    /// is on average half a step behind, so half a step is added before rounding to whole steps.
    /// </summary>
    public static TimeSpan OffsetAt(DateTimeOffset server, DateTimeOffset localMid, TimeSpan resolution)
    {
        if (resolution <= TimeSpan.FromMilliseconds(1)) return server - localMid;
        var steps = Math.Round((server + resolution / 2 - localMid) / resolution);
        return resolution * steps;
    }
}
