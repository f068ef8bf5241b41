using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Hosting;

/// <summary>
/// A JSON answer written straight with <see cref="Utf8JsonWriter"/> (fast enough for 5000-level books), with
/// the content type of the exchange it imitates. When a MalformedJson fault marked the request, only the first
/// half of the body is sent (with a Content-Length to match), like an answer cut short behind a proxy.
/// </summary>
internal sealed class JsonBody(int status, string contentType, Action<Utf8JsonWriter> write) : IResult
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>HttpContext.Items key set by the fault gateway: send a truncated body.</summary>
    public const string TruncateKey = "fluxum.truncate";

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        if (!http.Items.Remove(TruncateKey))
        {
            // Straight into Kestrel's pooled pipe: no large buffer per answer (5000-level books are 300 KB).
            using (var writer = new Utf8JsonWriter(http.Response.BodyWriter, Options)) write(writer);
            await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options)) write(writer);
        var half = buffer.WrittenMemory[..Math.Max(1, buffer.WrittenCount / 2)];
        http.Response.ContentLength = half.Length;
        await http.Response.Body.WriteAsync(half, http.RequestAborted);
    }
}

/// <summary>Writing exact amounts the way the exchanges print them.</summary>
internal static class JsonWriterExtensions
{
    /// <summary>A decimal string with exactly <paramref name="decimals"/> places ("60000.01000000").</summary>
    public static void WriteFixed(this Utf8JsonWriter w, long units, int decimals = 8)
    {
        Span<byte> buffer = stackalloc byte[40];
        buffer[0] = (byte)'"';
        var n = Fixed.Format(units, decimals, buffer[1..]) + 1;
        buffer[n++] = (byte)'"';
        w.WriteRawValue(buffer[..n], skipInputValidation: true);
    }

    public static void WriteFixed(this Utf8JsonWriter w, string name, long units, int decimals = 8)
    {
        w.WritePropertyName(name);
        w.WriteFixed(units, decimals);
    }

    /// <summary>A decimal string with exactly <paramref name="decimals"/> places, finer digits truncated.</summary>
    public static void WriteDecimal(this Utf8JsonWriter w, decimal value, int decimals = 8)
    {
        Span<byte> buffer = stackalloc byte[48];
        var rounded = decimal.Round(value, decimals, MidpointRounding.ToZero);
        rounded.TryFormat(buffer, out var n, decimals == 8 ? "F8" : "F" + decimals, System.Globalization.CultureInfo.InvariantCulture);
        w.WriteStringValue(buffer[..n]);
    }

    /// <summary>A decimal string with trailing zeros trimmed to at least <paramref name="minDecimals"/> places ("0.136").</summary>
    public static void WriteTrimmed(this Utf8JsonWriter w, long units, int minDecimals)
    {
        Span<byte> buffer = stackalloc byte[40];
        buffer[0] = (byte)'"';
        var n = Fixed.FormatTrimmed(units, minDecimals, buffer[1..]) + 1;
        buffer[n++] = (byte)'"';
        w.WriteRawValue(buffer[..n], skipInputValidation: true);
    }

    /// <summary>A JSON number (not a string) with trimmed decimals, e.g. Kraken's trade time 1616666442.2951.</summary>
    public static void WriteTrimmedNumber(this Utf8JsonWriter w, long units, int minDecimals)
    {
        Span<byte> buffer = stackalloc byte[40];
        w.WriteRawValue(buffer[..Fixed.FormatTrimmed(units, minDecimals, buffer)], skipInputValidation: true);
    }
}
