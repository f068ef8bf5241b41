using System.Globalization;
using System.Text.Json;
using Fluxum.Errors;

namespace Fluxum.Engine.Json;

/// <summary>
/// Reading exchange JSON: money arrives as strings ("60741.67000000") or numbers, and must become decimal
/// without passing through double. A missing or mistyped field is an InvalidResult error naming the field.
/// </summary>
internal static class JsonRead
{
    /// <summary>The value with the wire's padding zeros dropped ("60741.67000000" is 60741.67), so it prints and exports as people write it.</summary>
    public static decimal Decimal(this JsonElement e) => Trim(e.ValueKind switch
    {
        JsonValueKind.String => decimal.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.Number => e.TryGetDecimal(out var d) ? d : decimal.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw Bad($"a number, not {e.ValueKind}"),
    });

    /// <summary>Removes trailing zeros from the scale without changing the value.</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    public static long Long(this JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetInt64(),
        JsonValueKind.String => long.Parse(e.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
        _ => throw Bad($"an integer, not {e.ValueKind}"),
    };

    public static JsonElement Get(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : throw Bad($"a field '{name}'");

    public static JsonElement? Find(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static decimal Decimal(this JsonElement obj, string name) => obj.Get(name).Decimal();
    public static decimal? DecimalOrNull(this JsonElement obj, string name) => obj.Find(name)?.Decimal();
    public static long Long(this JsonElement obj, string name) => obj.Get(name).Long();
    public static long? LongOrNull(this JsonElement obj, string name) => obj.Find(name)?.Long();
    public static int? IntOrNull(this JsonElement obj, string name) => obj.Find(name) is { } v ? (int)v.Long() : null;
    public static string String(this JsonElement obj, string name) => obj.Get(name).GetString() ?? throw Bad($"a text field '{name}'");
    public static string? StringOrNull(this JsonElement obj, string name) => obj.Find(name)?.GetString();
    public static bool Bool(this JsonElement obj, string name, bool fallback = false) =>
        obj.Find(name) is { } v ? v.ValueKind == JsonValueKind.True : fallback;

    public static DateTimeOffset UnixMilliseconds(this JsonElement e) => DateTimeOffset.FromUnixTimeMilliseconds(e.Long());
    public static DateTimeOffset UnixMilliseconds(this JsonElement obj, string name) => obj.Get(name).UnixMilliseconds();

    /// <summary>Kraken's times: seconds with a fraction, as a number or a string.</summary>
    public static DateTimeOffset UnixSeconds(this JsonElement e)
    {
        var seconds = e.Decimal();
        return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>The number of decimals a step such as 0.00010000 allows (4).</summary>
    public static int Precision(decimal step)
    {
        if (step <= 0) return 0;
        var bits = decimal.GetBits(Trim(step));
        return (bits[3] >> 16) & 0xFF;
    }

    public static FxException Bad(string what) =>
        new("Fluxum.UnexpectedResponse", FxErrorKind.InvalidResult, $"The exchange's answer lacks {what}; its format may have changed.");
}
