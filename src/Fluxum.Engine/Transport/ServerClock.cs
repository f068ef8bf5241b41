using System.Globalization;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>The exchange's clock as seen from here: local time plus the offset last measured.</summary>
internal sealed class ServerClock
{
    /// <summary>
    /// No working machine clock is a day away from the exchange's: a reading further off says the answer is wrong,
    /// and taking it would sign every later request with a timestamp the exchange refuses.
    /// </summary>
    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(1);

    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;

    /// <summary>
    /// Takes <paramref name="serverTime"/> minus <paramref name="localTime"/> as the offset, unless it is more than
    /// <see cref="MaxOffset"/>: then the reading is an error naming the exchange and the clock, and the old offset stays.
    /// </summary>
    /// <param name="source">What gave the reading, as errors name it: the exchange's answer to the time request.</param>
    public TimeSpan Adopt(ExchangeId exchange, string source, DateTimeOffset serverTime, DateTimeOffset localTime)
    {
        var offset = serverTime - localTime;
        if (offset.Duration() > MaxOffset)
        {
            var days = offset.TotalDays.ToString("#,0.#", CultureInfo.InvariantCulture);
            throw new FxException("Fluxum.ImplausibleServerTime", FxErrorKind.InvalidResult,
                $"{source} gives a server time of {serverTime:u}, {days} days from this machine's clock ({localTime:u}). That cannot be right, " +
                $"so {exchange}'s clock offset stays at {Offset.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms.", exchange)
            {
                RecommendedAction = "Check this machine's date and time; if it is right, try again later.",
            };
        }

        Offset = offset;
        return offset;
    }
}
