using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>
/// How v2 prints things: prices and quantities as JSON numbers with the pair's precision, trailing zeros kept
/// (price: pair_decimals, quantity: lot_decimals), so the text is what the checksum is computed over; times as
/// RFC 3339 with microseconds.
/// </summary>
internal static class KrakenStreamJson
{
    public static byte[] Frame(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        return buffer.WrittenSpan.ToArray();
    }

    public static string PriceText(KrakenPair pair, long ticks) => Text(pair.Instrument.TicksToUnits(ticks), pair.Instrument.PriceDecimals);

    public static string QuantityText(KrakenPair pair, long steps) => Text(pair.Instrument.StepsToUnits(steps), pair.Instrument.QuantityDecimals);

    public static void Price(Utf8JsonWriter w, string name, KrakenPair pair, long units)
    {
        w.WritePropertyName(name);
        Raw(w, units, pair.Instrument.PriceDecimals);
    }

    public static void Quantity(Utf8JsonWriter w, string name, KrakenPair pair, long units)
    {
        w.WritePropertyName(name);
        Raw(w, units, pair.Instrument.QuantityDecimals);
    }

    /// <summary>A computed figure (VWAP, change) as a number with <paramref name="decimals"/> places, truncated.</summary>
    public static void Decimal(Utf8JsonWriter w, string name, decimal value, int decimals)
    {
        w.WritePropertyName(name);
        var text = decimal.Round(value, decimals, MidpointRounding.ToZero).ToString("F" + decimals, CultureInfo.InvariantCulture);
        w.WriteRawValue(text, skipInputValidation: true);
    }

    public static void Time(Utf8JsonWriter w, string name, DateTimeOffset t) =>
        w.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    /// <summary>ohlc's interval_begin has nanoseconds on the real feed ("...:25:00.000000000Z").</summary>
    public static void NanoTime(Utf8JsonWriter w, string name, DateTimeOffset t) =>
        w.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture));

    public static void Level(Utf8JsonWriter w, KrakenPair pair, long ticks, long steps)
    {
        w.WriteStartObject();
        Price(w, "price", pair, pair.Instrument.TicksToUnits(ticks));
        Quantity(w, "qty", pair, pair.Instrument.StepsToUnits(steps));
        w.WriteEndObject();
    }

    private static void Raw(Utf8JsonWriter w, long units, int decimals)
    {
        Span<byte> buffer = stackalloc byte[40];
        w.WriteRawValue(buffer[..Fixed.Format(units, decimals, buffer)], skipInputValidation: true);
    }

    private static string Text(long units, int decimals)
    {
        Span<byte> buffer = stackalloc byte[40];
        return Encoding.ASCII.GetString(buffer[..Fixed.Format(units, decimals, buffer)]);
    }
}
