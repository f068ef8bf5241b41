using System.Globalization;

namespace Fluxum.Market;

/// <summary>
/// A candle width written the way traders write it: 1s, 1m, 5m, 1h, 4h, 1d, 1w, 1M (month).
/// The code is case-sensitive only where it must be: "1M" is a month, "1m" a minute.
/// </summary>
public readonly record struct CandleInterval
{
    private CandleInterval(string code, int count, char unit)
    {
        Code = code;
        Count = count;
        Unit = unit;
    }

    public string Code { get; }
    public int Count { get; }

    /// <summary>s, m, h, d, w or M.</summary>
    public char Unit { get; }

    public bool IsMonthly => Unit == 'M';

    /// <summary>The fixed width; a month is taken as 30 days, only for estimates (progress, page sizes).</summary>
    public TimeSpan ApproximateDuration => Unit switch
    {
        's' => TimeSpan.FromSeconds(Count),
        'm' => TimeSpan.FromMinutes(Count),
        'h' => TimeSpan.FromHours(Count),
        'd' => TimeSpan.FromDays(Count),
        'w' => TimeSpan.FromDays(7 * Count),
        _ => TimeSpan.FromDays(30 * Count),
    };

    public int TotalMinutes => (int)ApproximateDuration.TotalMinutes;

    /// <summary>The open time of the bar after the one opening at <paramref name="openTime"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset openTime) => IsMonthly ? openTime.AddMonths(Count) : openTime + ApproximateDuration;

    public static bool TryParse(string? text, out CandleInterval interval)
    {
        interval = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        int i = 0;
        while (i < s.Length && char.IsDigit(s[i])) i++;
        if (i == 0 || !int.TryParse(s.AsSpan(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return false;
        }

        var suffix = s.Substring(i);
        char? unit = suffix switch
        {
            "s" or "S" or "sec" => 's',
            "m" or "min" => 'm',
            "h" or "H" or "hour" => 'h',
            "d" or "D" or "day" => 'd',
            "w" or "W" or "week" => 'w',
            "M" or "mo" or "mon" or "month" => 'M',
            _ => null,
        };
        if (unit is null) return false;

        // Normalise so 60m and 1h compare equal: the exchange tables list the canonical code.
        var (c, u) = Normalise(count, unit.Value);
        interval = new CandleInterval($"{c}{u}", c, u);
        return true;
    }

    public static CandleInterval Parse(string text) =>
        TryParse(text, out var i) ? i : throw new FormatException($"'{text}' is not a candle interval such as 1m, 15m, 1h, 4h, 1d, 1w or 1M.");

    private static (int, char) Normalise(int count, char unit) => unit switch
    {
        'm' when count % 1440 == 0 && count / 1440 % 7 != 0 => (count / 1440, 'd'),
        'm' when count % 10080 == 0 => (count / 10080, 'w'),
        'm' when count % 60 == 0 => (count / 60, 'h'),
        'h' when count % 24 == 0 && count / 24 % 7 != 0 => (count / 24, 'd'),
        'h' when count % 168 == 0 => (count / 168, 'w'),
        'd' when count % 7 == 0 => (count / 7, 'w'),
        _ => (count, unit),
    };

    public override string ToString() => Code;
}
