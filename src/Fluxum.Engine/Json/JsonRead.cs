using System.Text.Json;

namespace Fluxum.Engine.Json;

/// <summary>
/// The same reads as <see cref="JsonField"/> on a bare JsonElement, for code that routes messages before any
/// parser sees them (stream protocols, error readers). Its errors name the field relative to that element.
/// </summary>
internal static class JsonRead
{
    public static decimal Decimal(this JsonElement e) => new JsonField(e).Decimal();

    /// <summary>Removes trailing zeros from the scale without changing the value.</summary>
    public static decimal Trim(decimal value) => JsonField.Trim(value);

    public static long Long(this JsonElement e) => new JsonField(e).Long();

    public static JsonElement Get(this JsonElement obj, string name) => new JsonField(obj).Get(name).Element;

    /// <summary>The member, or null when it is absent, null, or <paramref name="obj"/> is no object at all.</summary>
    public static JsonElement? Find(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static decimal Decimal(this JsonElement obj, string name) => new JsonField(obj).Decimal(name);
    public static decimal? DecimalOrNull(this JsonElement obj, string name) => new JsonField(obj).DecimalOrNull(name);
    public static long Long(this JsonElement obj, string name) => new JsonField(obj).Long(name);
    public static long? LongOrNull(this JsonElement obj, string name) => new JsonField(obj).LongOrNull(name);
    public static int? IntOrNull(this JsonElement obj, string name) => new JsonField(obj).IntOrNull(name);
    public static string String(this JsonElement obj, string name) => new JsonField(obj).String(name);
    public static string? StringOrNull(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object ? new JsonField(obj).StringOrNull(name) : null;
    public static bool Bool(this JsonElement obj, string name, bool fallback = false) => new JsonField(obj).Bool(name, fallback);

    public static DateTimeOffset UnixMilliseconds(this JsonElement e) => new JsonField(e).UnixMilliseconds();
    public static DateTimeOffset UnixMilliseconds(this JsonElement obj, string name) => new JsonField(obj).UnixMilliseconds(name);

    /// <summary>Seconds since 1970, whole or with a fraction, as a number or a string.</summary>
    public static DateTimeOffset UnixSeconds(this JsonElement e) => new JsonField(e).UnixSeconds();

    /// <summary>The number of decimals a step such as 0.00010000 allows (4).</summary>
    public static int Precision(decimal step)
    {
        if (step <= 0) return 0;
        var bits = decimal.GetBits(Trim(step));
        return (bits[3] >> 16) & 0xFF;
    }
}
