using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fluxum.TestExchange;

/// <summary>Reads a TimeSpan from a number of milliseconds (2500) or a TimeSpan string ("00:00:02.5"); writes the string.</summary>
internal sealed class FlexibleTimeSpanConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => TimeSpan.FromMilliseconds(reader.GetDouble()),
        JsonTokenType.String => TimeSpan.Parse(reader.GetString()!, CultureInfo.InvariantCulture),
        _ => throw new JsonException("A delay is a number of milliseconds or a \"hh:mm:ss\" string."),
    };

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));
}
