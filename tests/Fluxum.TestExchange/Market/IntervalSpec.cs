namespace Fluxum.TestExchange.Market;

/// <summary>A candle width and how bars of it are aligned (UTC epoch; weeks from Monday; months by calendar).</summary>
internal sealed record IntervalSpec(string Code, TimeSpan Width, bool Monthly = false, bool Weekly = false)
{
    private static readonly DateTimeOffset FirstMonday = new(1970, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Next(DateTimeOffset open) => Monthly ? open.AddMonths(1) : open + Width;

    public DateTimeOffset Floor(DateTimeOffset t)
    {
        if (Monthly) return new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var origin = Weekly ? FirstMonday : DateTimeOffset.UnixEpoch;
        var ticks = (t - origin).Ticks;
        var floored = ticks - ((ticks % Width.Ticks) + Width.Ticks) % Width.Ticks;
        return origin + TimeSpan.FromTicks(floored);
    }

    public DateTimeOffset Ceiling(DateTimeOffset t)
    {
        var f = Floor(t);
        return f == t ? f : Next(f);
    }

    public DateTimeOffset Previous(DateTimeOffset open) => Monthly ? open.AddMonths(-1) : open - Width;

    public static readonly IReadOnlyDictionary<string, IntervalSpec> Binance = new[]
    {
        new IntervalSpec("1s", TimeSpan.FromSeconds(1)), new IntervalSpec("1m", TimeSpan.FromMinutes(1)),
        new IntervalSpec("3m", TimeSpan.FromMinutes(3)), new IntervalSpec("5m", TimeSpan.FromMinutes(5)),
        new IntervalSpec("15m", TimeSpan.FromMinutes(15)), new IntervalSpec("30m", TimeSpan.FromMinutes(30)),
        new IntervalSpec("1h", TimeSpan.FromHours(1)), new IntervalSpec("2h", TimeSpan.FromHours(2)),
        new IntervalSpec("4h", TimeSpan.FromHours(4)), new IntervalSpec("6h", TimeSpan.FromHours(6)),
        new IntervalSpec("8h", TimeSpan.FromHours(8)), new IntervalSpec("12h", TimeSpan.FromHours(12)),
        new IntervalSpec("1d", TimeSpan.FromDays(1)), new IntervalSpec("3d", TimeSpan.FromDays(3)),
        new IntervalSpec("1w", TimeSpan.FromDays(7), Weekly: true), new IntervalSpec("1M", TimeSpan.FromDays(30), Monthly: true),
    }.ToDictionary(i => i.Code, StringComparer.Ordinal);

    /// <summary>Kraken's OHLC intervals, in minutes.</summary>
    public static readonly IReadOnlyDictionary<int, IntervalSpec> Kraken = new[] { 1, 5, 15, 30, 60, 240, 1440, 10080, 21600 }
        .ToDictionary(m => m, m => new IntervalSpec(m + "min", TimeSpan.FromMinutes(m), Weekly: m == 10080));
}
