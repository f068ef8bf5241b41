using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fluxum.Tests.Hostile;

/// <summary>How a numeric field of a recorded payload is made hostile.</summary>
public enum HostileKind
{
    NotANumber,
    Negative,
    OverflowNumber,
    OverflowString,
    Null,
    Missing,
}

/// <summary>One hostile payload: the recorded one with the field at <see cref="Path"/> changed as <see cref="Kind"/> says.</summary>
public sealed record HostileVariant(string Path, string Name, HostileKind Kind, string Json, string? Written)
{
    public override string ToString() => $"{Path} {Kind}{(Written is null ? "" : " (" + Written + ")")}";
}

/// <summary>
/// Walks a payload and, for every numeric field (a JSON number, or a string holding one as exchanges write
/// money), makes the hostile variants: a word instead, the value below zero, 1e400 as a number and as a string,
/// null, and the field gone (a list position gone means the list cut short there, as a truncated row is).
/// Paths are spelled as the parsers name fields: names joined by dots, positions in brackets.
/// </summary>
public static class NumericVariants
{
    public static IReadOnlyList<HostileVariant> Of(string json)
    {
        var root = JsonNode.Parse(json) ?? throw new ArgumentException("A payload is not null.", nameof(json));
        var fields = new List<(List<object> Segments, string Path, JsonValue Value)>();
        Walk(root, new List<object>(), "", fields);

        var variants = new List<HostileVariant>();
        foreach (var (segments, path, value) in fields)
        {
            var isString = value.GetValueKind() == JsonValueKind.String;
            var written = isString ? value.GetValue<string>() : value.ToJsonString();
            var name = segments[^1] is string s ? s : path;
            var negative = Negative(written);
            foreach (var kind in Enum.GetValues<HostileKind>())
            {
                if (kind == HostileKind.Negative && negative == written) continue; // already below zero: nothing changes
                JsonNode? replacement = kind switch
                {
                    HostileKind.NotANumber => JsonValue.Create("abc"),
                    HostileKind.Negative => isString ? JsonValue.Create(negative) : JsonNode.Parse(negative),
                    HostileKind.OverflowNumber => JsonNode.Parse("1e400"),
                    HostileKind.OverflowString => JsonValue.Create("1e400"),
                    _ => null,
                };
                var copy = root.DeepClone();
                Change(copy, segments, replacement, remove: kind == HostileKind.Missing);
                var shown = kind switch
                {
                    HostileKind.Negative => negative,
                    HostileKind.NotANumber => "abc",
                    HostileKind.OverflowNumber or HostileKind.OverflowString => "1e400",
                    _ => null,
                };
                variants.Add(new HostileVariant(path, name, kind, copy.ToJsonString(), shown));
            }
        }

        return variants;
    }

    /// <summary>Whether a string holds a number, as "60741.67000000" does (and "BTCUSDT" or "" do not).</summary>
    public static bool IsNumericText(string text) =>
        text.Any(char.IsAsciiDigit) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Negative(string written)
    {
        var value = decimal.Parse(written, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (value == 0) return "-1";
        return written.StartsWith('-') ? written : "-" + written.TrimStart('+');
    }

    private static void Walk(JsonNode? node, List<object> segments, string path, List<(List<object>, string, JsonValue)> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj) Walk(child, new List<object>(segments) { name }, path.Length == 0 ? name : path + "." + name, fields);
                break;
            case JsonArray list:
                for (int i = 0; i < list.Count; i++) Walk(list[i], new List<object>(segments) { i }, $"{path}[{i}]", fields);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number
                                      || (value.GetValueKind() == JsonValueKind.String && IsNumericText(value.GetValue<string>())):
                fields.Add((segments, path, value));
                break;
        }
    }

    private static void Change(JsonNode root, List<object> segments, JsonNode? replacement, bool remove)
    {
        var parent = root;
        foreach (var segment in segments.Take(segments.Count - 1)) parent = segment is string name ? parent[name]! : parent[(int)segment]!;
        switch (segments[^1], parent)
        {
            case (string name, JsonObject obj) when remove:
                obj.Remove(name);
                break;
            case (string name, JsonObject obj):
                obj[name] = replacement;
                break;
            case (int index, JsonArray list) when remove:
                while (list.Count > index) list.RemoveAt(list.Count - 1);
                break;
            case (int index, JsonArray list):
                list[index] = replacement;
                break;
        }
    }
}
