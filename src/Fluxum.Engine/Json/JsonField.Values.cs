using System.Globalization;
using System.Text.Json;

namespace Fluxum.Engine.Json;

/// <summary>
/// Reading values: money arrives as strings ("60741.67000000") or numbers and becomes decimal without passing
/// through double; ids and counts become long; times are Unix milliseconds or seconds. Each read of a member or
/// position names it in its error without building a path unless there is one.
/// </summary>
internal readonly partial struct JsonField
{
    private const long MaxUnixMilliseconds = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z, the last DateTimeOffset second
    private const decimal MaxUnixSeconds = 253_402_300_799m;

    /// <summary>A number never below zero, with the wire's padding zeros dropped ("60741.67000000" is 60741.67).</summary>
    public decimal Decimal() => Number(Element, null, -1, signed: false, exact: false);
    public decimal Decimal(string name) => Number(Required(name), name, -1, signed: false, exact: false);
    public decimal Decimal(int index) => Number(RequiredAt(index), null, index, signed: false, exact: false);
    public decimal? DecimalOrNull(string name) => TryMember(name, out var v) ? Number(v, name, -1, signed: false, exact: false) : null;

    /// <summary>A number that may be below zero: a price change, a percentage, a fee (rebates are paid as negative fees).</summary>
    public decimal SignedDecimal() => Number(Element, null, -1, signed: true, exact: false);
    public decimal SignedDecimal(string name) => Number(Required(name), name, -1, signed: true, exact: false);
    public decimal? SignedDecimalOrNull(string name) => TryMember(name, out var v) ? Number(v, name, -1, signed: true, exact: false) : null;

    /// <summary>A number never below zero, exactly as written ("0.9990" keeps its four places, for checksums over the text).</summary>
    public decimal ExactDecimal(string name) => Number(Required(name), name, -1, signed: false, exact: true);

    /// <summary>A whole number never below zero: an id, a count, a sequence number.</summary>
    public long Long() => Whole(Element, null, -1, signed: false);
    public long Long(string name) => Whole(Required(name), name, -1, signed: false);
    public long Long(int index) => Whole(RequiredAt(index), null, index, signed: false);
    public long? LongOrNull(string name) => TryMember(name, out var v) ? Whole(v, name, -1, signed: false) : null;

    /// <summary>A whole number that may be below zero (the -1 some exchanges send for "none").</summary>
    public long? SignedLongOrNull(string name) => TryMember(name, out var v) ? Whole(v, name, -1, signed: true) : null;

    public int Int(string name) => (int)Bounded(Whole(Required(name), name, -1, signed: false), int.MaxValue, name, -1);
    public int? IntOrNull(string name) => TryMember(name, out var v) ? (int)Bounded(Whole(v, name, -1, signed: false), int.MaxValue, name, -1) : null;
    public uint UInt32(string name) => (uint)Bounded(Whole(Required(name), name, -1, signed: false), uint.MaxValue, name, -1);

    /// <summary>A count of decimal places (a precision): 0 to 28, all a decimal number has.</summary>
    public int DecimalPlaces(string name) => (int)Bounded(Whole(Required(name), name, -1, signed: false), 28, name, -1);
    public int? DecimalPlacesOrNull(string name) => TryMember(name, out var v) ? (int)Bounded(Whole(v, name, -1, signed: false), 28, name, -1) : null;

    public string String() => Text(Element, null, -1);
    public string String(string name) => Text(Required(name), name, -1);
    public string String(int index) => Text(RequiredAt(index), null, index);
    public string? StringOrNull(string name) => TryMember(name, out var v) ? Text(v, name, -1) : null;

    /// <summary>true or false; absent or null gives <paramref name="fallback"/>, anything else is an error.</summary>
    public bool Bool(string name, bool fallback = false) => TryMember(name, out var v)
        ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, -1, $"is {Shown(v)}, not true or false"),
        }
        : fallback;

    public DateTimeOffset UnixMilliseconds() => Milliseconds(Element, null, -1);
    public DateTimeOffset UnixMilliseconds(string name) => Milliseconds(Required(name), name, -1);
    public DateTimeOffset UnixMilliseconds(int index) => Milliseconds(RequiredAt(index), null, index);
    public DateTimeOffset? UnixMillisecondsOrNull(string name) => TryMember(name, out var v) ? Milliseconds(v, name, -1) : null;

    /// <summary>Seconds since 1970, whole or with a fraction, as a number or a string.</summary>
    public DateTimeOffset UnixSeconds() => Seconds(Element, null, -1);
    public DateTimeOffset UnixSeconds(string name) => Seconds(Required(name), name, -1);
    public DateTimeOffset UnixSeconds(int index) => Seconds(RequiredAt(index), null, index);

    /// <summary>Removes trailing zeros from the scale without changing the value.</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    private decimal Number(JsonElement v, string? name, int index, bool signed, bool exact)
    {
        decimal d;
        if (v.ValueKind == JsonValueKind.Number && !exact && v.TryGetDecimal(out d))
        {
            // parsed without a string
        }
        else if (v.ValueKind is JsonValueKind.Number or JsonValueKind.String)
        {
            var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out d))
            {
                throw Invalid(name, index, LooksNumeric(text) ? $"is {Shown(v)}, too large for a decimal number" : $"is {Shown(v)}, not a number");
            }
        }
        else
        {
            throw Invalid(name, index, $"is {Shown(v)}, not a number");
        }

        if (!signed && d < 0) throw Invalid(name, index, $"is {Shown(v)}, below zero");
        return exact ? d : Trim(d);
    }

    private long Whole(JsonElement v, string? name, int index, bool signed)
    {
        long l;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out l))
        {
            // the common case: an integer token
        }
        else if (v.ValueKind is JsonValueKind.Number or JsonValueKind.String)
        {
            var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out l))
            {
                // 1.0 is a whole number written another way; 1.5 is not one, and 1e30 is too large for one.
                var fits = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
                var whole = fits && d == decimal.Truncate(d);
                if (!whole || d < long.MinValue || d > long.MaxValue)
                {
                    var why = !LooksNumeric(text) ? "not a number" : fits && !whole ? "not a whole number" : "too large for a whole number";
                    throw Invalid(name, index, $"is {Shown(v)}, {why}");
                }

                l = (long)d;
            }
        }
        else
        {
            throw Invalid(name, index, $"is {Shown(v)}, not a whole number");
        }

        if (!signed && l < 0) throw Invalid(name, index, $"is {Shown(v)}, below zero");
        return l;
    }

    private long Bounded(long value, long max, string? name, int index) =>
        value <= max ? value : throw Invalid(name, index, $"is {value.ToString(CultureInfo.InvariantCulture)}, more than {max.ToString(CultureInfo.InvariantCulture)}");

    private string Text(JsonElement v, string? name, int index) =>
        v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Invalid(name, index, $"is {Shown(v)}, not text");

    private DateTimeOffset Milliseconds(JsonElement v, string? name, int index)
    {
        var ms = Whole(v, name, index, signed: false);
        return ms <= MaxUnixMilliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw Invalid(name, index, $"is {Shown(v)}, beyond any time (milliseconds since 1970)");
    }

    private DateTimeOffset Seconds(JsonElement v, string? name, int index)
    {
        var seconds = Number(v, name, index, signed: false, exact: false);
        return seconds <= MaxUnixSeconds
            ? DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond))
            : throw Invalid(name, index, $"is {Shown(v)}, beyond any time (seconds since 1970)");
    }

    /// <summary>A lexeme such as 1e400 is a number too large for decimal, not a word.</summary>
    private static bool LooksNumeric(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && text.Any(char.IsAsciiDigit);

    /// <summary>The value as an error message shows it: numbers as written, text quoted and cut short.</summary>
    internal static string Shown(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => "\"" + Short(v.GetString()!) + "\"",
        JsonValueKind.Number => Short(v.GetRawText()),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
