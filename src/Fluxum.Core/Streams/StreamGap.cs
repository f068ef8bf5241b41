using System.Globalization;
using Fluxum.Models;

namespace Fluxum.Streams;

/// <summary>
/// A hole in a stream: events of <see cref="Stream"/> ("trades", "candles", ...) for <see cref="Symbol"/> that the
/// exchange sent while the connection was down. <see cref="LastBefore"/> is the last event received before it and
/// <see cref="FirstAfter"/> the first one after (event times where the exchange stamps them, else arrival times);
/// either is null when there was none.
/// </summary>
public sealed record StreamGap(ExchangeId Exchange, string? Symbol, string Stream, DateTimeOffset? LastBefore, DateTimeOffset? FirstAfter, string Reason)
{
    public override string ToString()
    {
        var what = Symbol is null ? $"{Exchange} {Stream}" : $"{Exchange} {Symbol} {Stream}";
        var span = (LastBefore, FirstAfter) switch
        {
            ({ } a, { } b) => $"between {Time(a)} and {Time(b)}",
            ({ } a, null) => $"after {Time(a)} (none arrived after the reconnect)",
            (null, { } b) => $"before {Time(b)}",
            _ => "while the connection was down",
        };
        return $"{what}: events {span} were missed ({Reason}).";
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
