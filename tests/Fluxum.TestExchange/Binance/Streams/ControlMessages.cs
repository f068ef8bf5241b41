using System.Text.Json;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// The JSON requests a market-stream connection may send (SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY,
/// GET_PROPERTY) and Binance's answers: {"result":..,"id":..}, or {"error":{"code":..,"msg":..},"id":..} with code
/// 0 unknown property, 1 wrong value type, 2 invalid request, 3 invalid JSON. A subscription with any bad name
/// changes nothing.
/// </summary>
internal static class ControlMessages
{
    private const string Methods = "expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    public static byte[] Handle(StreamConnection c, BinanceStreams hub, ReadOnlyMemory<byte> message)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message);
        }
        catch (JsonException e)
        {
            return Error(null, 3, "Invalid JSON: " + e.Message);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Error(null, 2, "Invalid request: expected a JSON object");
            var id = root.TryGetProperty("id", out var idElement) ? idElement : (JsonElement?)null;
            if (id is not { ValueKind: JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null } || id.Value.ValueKind == JsonValueKind.Number && !id.Value.TryGetUInt64(out _))
            {
                return Error(null, 2, "Invalid request: request ID must be an unsigned integer");
            }

            if (!root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
            {
                return Error(id, 2, "Invalid request: missing field `method`");
            }

            root.TryGetProperty("params", out var parameters);
            var method = methodElement.GetString();
            return method switch
            {
                "SUBSCRIBE" => Subscribe(c, hub, id, parameters),
                "UNSUBSCRIBE" => Unsubscribe(c, id, parameters),
                "LIST_SUBSCRIPTIONS" => Result(id, w =>
                {
                    w.WriteStartArray();
                    foreach (var s in c.Subscriptions) w.WriteStringValue(s.Name);
                    w.WriteEndArray();
                }),
                "SET_PROPERTY" => SetProperty(c, id, parameters),
                "GET_PROPERTY" => GetProperty(c, id, parameters),
                _ => Error(id, 2, $"Invalid request: unknown variant `{method}`, {Methods}"),
            };
        }
    }

    private static byte[] Subscribe(StreamConnection c, BinanceStreams hub, JsonElement? id, JsonElement parameters)
    {
        if (Names(parameters) is not { } names) return Error(id, 2, "Invalid request: params must be an array of stream names");
        var parsed = new List<StreamName>();
        foreach (var n in names)
        {
            if (StreamName.Parse(n, out var error) is not { } name) return Error(id, 2, error!);
            parsed.Add(name);
        }

        var existing = c.Subscriptions.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var total = existing.Count + parsed.Select(p => p.Name).Distinct().Count(n => !existing.Contains(n));
        var max = hub.Options.StreamMaxPerConnection;
        if (total > max) return Error(id, 2, $"Invalid request: too many streams; a connection holds at most {max}");
        foreach (var p in parsed) c.Add(hub.NewSubscription(p));
        return Result(id, w => w.WriteNullValue());
    }

    private static byte[] Unsubscribe(StreamConnection c, JsonElement? id, JsonElement parameters)
    {
        if (Names(parameters) is not { } names) return Error(id, 2, "Invalid request: params must be an array of stream names");
        foreach (var n in names) c.Remove(n);
        return Result(id, w => w.WriteNullValue());
    }

    private static byte[] SetProperty(StreamConnection c, JsonElement? id, JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() != 2) return Error(id, 2, "Invalid request: params must be [name, value]");
        if (parameters[0].ValueKind != JsonValueKind.String) return Error(id, 2, "Invalid request: property name must be a string");
        if (parameters[0].GetString() != "combined") return Error(id, 0, "Unknown property");
        if (parameters[1].ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Error(id, 1, "Invalid value type: expected Boolean");
        c.Combined = parameters[1].GetBoolean();
        return Result(id, w => w.WriteNullValue());
    }

    private static byte[] GetProperty(StreamConnection c, JsonElement? id, JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() != 1) return Error(id, 2, "Invalid request: params must be [name]");
        if (parameters[0].ValueKind != JsonValueKind.String) return Error(id, 2, "Invalid request: property name must be a string");
        if (parameters[0].GetString() != "combined") return Error(id, 0, "Unknown property");
        return Result(id, w => w.WriteBooleanValue(c.Combined));
    }

    private static List<string>? Names(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Array) return null;
        var names = new List<string>();
        foreach (var p in parameters.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.String) return null;
            names.Add(p.GetString()!);
        }

        return names;
    }

    private static byte[] Result(JsonElement? id, Action<Utf8JsonWriter> result) => MarketEvents.Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("result");
        result(w);
        WriteId(w, id);
        w.WriteEndObject();
    });

    private static byte[] Error(JsonElement? id, int code, string msg) => MarketEvents.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteNumber("code", code);
        w.WriteString("msg", msg);
        w.WriteEndObject();
        WriteId(w, id);
        w.WriteEndObject();
    });

    private static void WriteId(Utf8JsonWriter w, JsonElement? id)
    {
        w.WritePropertyName("id");
        if (id is { } e) e.WriteTo(w);
        else w.WriteNullValue();
    }
}
