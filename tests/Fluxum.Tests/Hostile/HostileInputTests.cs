using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluxum.Errors;
using Xunit.Abstractions;

namespace Fluxum.Tests.Hostile;

/// <summary>
/// Every numeric field of every recorded payload, made hostile (a word, below zero, 1e400 as a number and as a
/// string, null, missing), through the parser that reads it. Each variant must end in an InvalidResult error
/// that names the field, the exchange and what the answer was to; or, for a field the parser does not read or
/// may do without, in the same object as before or one without that value; or, for a field that can be below
/// zero, in an object that carries the negative value. Never a raw .NET exception, never a silently wrong
/// object. In list answers a bad row must be left out and reported while the other rows come back.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Shape = new() { IncludeFields = true };

    public static TheoryData<string> Parsers => new(HostileCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Every_hostile_numeric_field_is_an_error_naming_it_or_a_correct_object(string parser)
    {
        var c = HostileCases.Named(parser);
        using var recorded = JsonDocument.Parse(c.Json);
        var baseline = c.Parse(recorded.RootElement);
        Assert.Empty(baseline.RowErrors);

        var variants = NumericVariants.Of(c.Json);
        Assert.NotEmpty(variants);
        var failures = new List<string>();
        foreach (var v in variants)
        {
            if (Judge(c, baseline, v) is { } failure) failures.Add($"{v}: {failure}");
        }

        output.WriteLine($"{c.Name}: {variants.Count} hostile variants of {variants.Select(v => v.Path).Distinct().Count()} numeric fields");
        Assert.True(failures.Count == 0, $"{failures.Count} of {variants.Count} variants went wrong:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void The_suite_covers_every_parser_with_generated_cases()
    {
        var counts = HostileCases.All.Select(c => (c.Name, Count: NumericVariants.Of(c.Json).Count)).ToList();
        foreach (var (name, count) in counts) output.WriteLine($"{count,6}  {name}");
        output.WriteLine($"{counts.Sum(c => c.Count),6}  hostile cases over {counts.Count} parser/payload pairs");
        Assert.All(counts, c => Assert.True(c.Count > 0, c.Name + " has no numeric field"));
    }

    /// <summary>Null when the variant ended as it should; else what went wrong.</summary>
    private static string? Judge(HostileCase c, Parsed baseline, HostileVariant v)
    {
        var field = v.Path.StartsWith(c.Strip, StringComparison.Ordinal) ? v.Path[c.Strip.Length..] : v.Path;
        var row = RowOf(c, v.Path);
        Parsed parsed;
        try
        {
            using var doc = JsonDocument.Parse(v.Json);
            parsed = c.Parse(doc.RootElement);
        }
        catch (FxException e)
        {
            if (row is not null) return $"killed the whole list instead of leaving row {row} out: {e.Message}";
            return Names(c, e, field, v.Kind);
        }
        catch (Exception e)
        {
            return $"raw {e.GetType().Name}: {e.Message}";
        }

        if (parsed.RowErrors.Count > 0)
        {
            if (row is null) return "reported a row error for a field outside the rows: " + parsed.RowErrors[0].Message;
            if (parsed.RowErrors.Count != 1) return $"{parsed.RowErrors.Count} row errors for one bad field";
            if (Names(c, parsed.RowErrors[0], field, v.Kind) is { } wrong) return wrong;
            var rowPath = row.StartsWith(c.Strip, StringComparison.Ordinal) ? row[c.Strip.Length..] : row;
            if (!parsed.RowErrors[0].Message.Contains(rowPath, StringComparison.Ordinal)) return "the row error does not name the row: " + parsed.RowErrors[0].Message;
            return OtherRowsKept(baseline, parsed);
        }

        var before = Flatten(baseline);
        var after = Flatten(parsed);
        var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).ToList();
        if (changed.Count == 0) return null; // a field the parser does not read

        switch (v.Kind)
        {
            case HostileKind.Negative when c.MayBeNegative.Contains(v.Name):
                // The value itself, or what it is turned into (basis points into a fraction), comes out below zero.
                return changed.Any(k => decimal.TryParse(after.GetValueOrDefault(k), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d < 0)
                    ? null
                    : "a field that may be below zero lost its sign: " + Describe(changed, before, after);
            case HostileKind.Null or HostileKind.Missing:
                var wrongly = changed.Where(k => after.GetValueOrDefault(k) is not (null or "null") && !c.Fallbacks.Contains(PropertyOf(k))).ToList();
                return wrongly.Count == 0 ? null : "an optional field's absence changed other values: " + Describe(wrongly, before, after);
            default:
                return "silently wrong object: " + Describe(changed, before, after);
        }
    }

    private static string? Names(HostileCase c, FxException e, string field, HostileKind kind)
    {
        if (e.Kind != FxErrorKind.InvalidResult) return $"{e.Kind}, not InvalidResult: {e.Message}";
        foreach (var part in new[] { c.Exchange, c.Answer })
        {
            if (!e.Message.Contains(part, StringComparison.Ordinal)) return $"the error does not name '{part}': {e.Message}";
        }

        if (e.Message.Contains(field, StringComparison.Ordinal)) return null;

        // A list cut short at [i] lacks every position from there on: the parser names the first one it reads.
        var cut = Regex.Match(field, @"^(?<list>.*)\[(?<at>\d+)\]$");
        if (kind == HostileKind.Missing && cut.Success)
        {
            var at = int.Parse(cut.Groups["at"].Value, CultureInfo.InvariantCulture);
            var named = Regex.Matches(e.Message, Regex.Escape(cut.Groups["list"].Value) + @"\[(\d+)\]");
            if (named.Any(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) >= at)) return null;
        }

        return $"the error does not name '{field}': {e.Message}";
    }

    /// <summary>The row a field belongs to ("[3]", "symbols[1]", "result.XXBTZUSD"), or null outside the rows of a list answer.</summary>
    private static string? RowOf(HostileCase c, string path)
    {
        if (c.RowsAt is not { } rows || !path.StartsWith(rows, StringComparison.Ordinal)) return null;
        var rest = path[rows.Length..];
        if (rest.StartsWith('[')) return rows + rest[..(rest.IndexOf(']') + 1)];
        if (rows.Length > 0 && rest.StartsWith('.'))
        {
            var end = rest.IndexOfAny(new[] { '.', '[' }, 1);
            return rows + (end < 0 ? rest : rest[..end]);
        }

        return null;
    }

    private static string? OtherRowsKept(Parsed baseline, Parsed parsed)
    {
        var expected = baseline.Rows.Select(r => JsonSerializer.Serialize(r, r!.GetType(), Shape)).ToList();
        var kept = parsed.Rows.Select(r => JsonSerializer.Serialize(r, r!.GetType(), Shape)).ToList();
        if (kept.Count != expected.Count - 1) return $"{kept.Count} rows kept of {expected.Count}, not all but the bad one";
        foreach (var k in kept)
        {
            if (!expected.Remove(k)) return "a kept row changed: " + k;
        }

        return null;
    }

    private static Dictionary<string, string?> Flatten(Parsed parsed)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.Ordinal);
        object? shape = parsed.Value ?? parsed.Rows;
        Walk(shape is null ? null : JsonSerializer.SerializeToNode(shape, shape.GetType(), Shape), "", leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string?> leaves)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, child) in o) Walk(child, path + "." + k, leaves);
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]", leaves);
                break;
            default:
                leaves[path] = node?.ToJsonString().Trim('"');
                break;
        }
    }

    private static string PropertyOf(string key)
    {
        var last = key[(key.LastIndexOf('.') + 1)..];
        return last.Contains('[') ? last[..last.IndexOf('[')] : last;
    }

    private static string Describe(IEnumerable<string> keys, Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        string.Join("; ", keys.Take(4).Select(k => $"{k}: {before.GetValueOrDefault(k) ?? "(none)"} -> {after.GetValueOrDefault(k) ?? "(none)"}"));
}
