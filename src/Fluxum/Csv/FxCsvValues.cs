using System.Globalization;

namespace Fluxum.Commands.Csv;

/// <summary>
/// The text of one CSV cell, the same under every culture: invariant numbers, ISO 8601 round-trip times
/// (ticks and offset kept), enums by name. Plain Export-Csv uses the current culture and drops the milliseconds.
/// </summary>
public static class FxCsvValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Whether a property of this type is a cell (collections and nested objects are not).</summary>
    public static bool IsCell(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(long) || t == typeof(int)
            || t == typeof(bool) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(double)
            || t == typeof(TimeSpan) || t == typeof(short) || t == typeof(byte);
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTimeOffset d => d.ToString("o", Invariant),
        DateTime d => d.ToString("o", Invariant),
        TimeSpan t => t.ToString("c", Invariant),
        double d => d.ToString("R", Invariant),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString(),
    };

    /// <param name="text">Null for an empty unquoted cell (a null value).</param>
    public static object? Parse(string? text, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var t = underlying ?? type;
        if (text is null) return t == typeof(string) || underlying is not null || !t.IsValueType ? null : Activator.CreateInstance(t);
        if (t == typeof(string)) return text;
        if (t.IsEnum) return Enum.Parse(t, text, ignoreCase: true);
        if (t == typeof(decimal)) return decimal.Parse(text, NumberStyles.Float, Invariant);
        if (t == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, Invariant, DateTimeStyles.RoundtripKind);
        if (t == typeof(DateTime)) return DateTime.Parse(text, Invariant, DateTimeStyles.RoundtripKind);
        if (t == typeof(TimeSpan)) return TimeSpan.Parse(text, Invariant);
        if (t == typeof(bool)) return bool.Parse(text);
        if (t == typeof(double)) return double.Parse(text, NumberStyles.Float, Invariant);
        return Convert.ChangeType(text, t, Invariant);
    }
}
