namespace Fluxum.TestExchange.Market;

/// <summary>
/// A candle width and how bars of it are aligned: fixed widths count from an origin (the Unix epoch, or the
/// first Monday for Binance weeks), months follow the calendar. An offset shifts the alignment into a time
/// zone (Binance's timeZone parameter) while times stay UTC.
/// </summary>
internal sealed class CandleInterval
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;
    private static readonly DateTimeOffset FirstMonday = new(1970, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private CandleInterval(string code, TimeSpan width, bool monthly, DateTimeOffset origin)
    {
        Code = code;
        Width = width;
        Monthly = monthly;
        Origin = origin;
    }

    public string Code { get; }

    /// <summary>The width (30 days for months, as a nominal figure).</summary>
    public TimeSpan Width { get; }

    public bool Monthly { get; }
    private DateTimeOffset Origin { get; }

    public DateTimeOffset Next(DateTimeOffset open, TimeSpan offset = default) =>
        Monthly ? MonthStart(open + offset, 1) - offset : open + Width;

    public DateTimeOffset Previous(DateTimeOffset open, TimeSpan offset = default) =>
        Monthly ? MonthStart(open + offset, -1) - offset : open - Width;

    /// <summary>The open time of the bar containing <paramref name="t"/>.</summary>
    public DateTimeOffset Floor(DateTimeOffset t, TimeSpan offset = default)
    {
        var local = t + offset;
        if (Monthly) return MonthStart(local, 0) - offset;
        var ticks = (local - Origin).Ticks;
        var floored = ticks - (((ticks % Width.Ticks) + Width.Ticks) % Width.Ticks);
        return Origin + TimeSpan.FromTicks(floored) - offset;
    }

    /// <summary>The first open time at or after <paramref name="t"/>.</summary>
    public DateTimeOffset Ceiling(DateTimeOffset t, TimeSpan offset = default)
    {
        var f = Floor(t, offset);
        return f == t ? f : Next(f, offset);
    }

    private static DateTimeOffset MonthStart(DateTimeOffset local, int addMonths) =>
        new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(addMonths);

    private static CandleInterval Fixed(string code, TimeSpan width, DateTimeOffset? origin = null) => new(code, width, false, origin ?? Epoch);

    /// <summary>Binance spot kline intervals (case-sensitive): weeks open on Monday, months on the 1st.</summary>
    public static readonly IReadOnlyDictionary<string, CandleInterval> Binance = new[]
    {
        Fixed("1s", TimeSpan.FromSeconds(1)), Fixed("1m", TimeSpan.FromMinutes(1)), Fixed("3m", TimeSpan.FromMinutes(3)),
        Fixed("5m", TimeSpan.FromMinutes(5)), Fixed("15m", TimeSpan.FromMinutes(15)), Fixed("30m", TimeSpan.FromMinutes(30)),
        Fixed("1h", TimeSpan.FromHours(1)), Fixed("2h", TimeSpan.FromHours(2)), Fixed("4h", TimeSpan.FromHours(4)),
        Fixed("6h", TimeSpan.FromHours(6)), Fixed("8h", TimeSpan.FromHours(8)), Fixed("12h", TimeSpan.FromHours(12)),
        Fixed("1d", TimeSpan.FromDays(1)), Fixed("3d", TimeSpan.FromDays(3)), Fixed("1w", TimeSpan.FromDays(7), FirstMonday),
        new CandleInterval("1M", TimeSpan.FromDays(30), true, Epoch),
    }.ToDictionary(i => i.Code, StringComparer.Ordinal);

    /// <summary>Kraken OHLC intervals in minutes; all aligned to the Unix epoch (so weeks open on Thursday).</summary>
    public static readonly IReadOnlyDictionary<int, CandleInterval> Kraken = new[] { 1, 5, 15, 30, 60, 240, 1440, 10080, 21600 }
        .ToDictionary(m => m, m => Fixed(m.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(m)));
}
