using System.Text;
using System.Text.RegularExpressions;

namespace Fluxum.HelpGen;

/// <summary>
/// The small YAML subset of platyPS front matter and parameter blocks: block mappings, block sequences (also at the
/// key's own indent, as platyPS writes them), sequences of mappings, flow sequences of scalars (`[]`, `[a, 'b']`),
/// `{}`, quoted and plain scalars, `|`/`>` block scalars and `#` comments.
/// A mapping is a Dictionary&lt;string, object?&gt;, a sequence a List&lt;object?&gt;, a scalar a string.
/// </summary>
public static partial class MiniYaml
{
    private sealed record Line(int Number, int Indent, string Text);

    [GeneratedRegex(@"^(?<key>[^'""\[\]{}#\-\s][^:]*?|-[^\s:][^:]*?)\s*:(?:\s+(?<value>.*))?$")]
    private static partial Regex KeyValue();

    /// <summary>Parses the lines of a yaml document into a mapping; unreadable lines are reported in problems.</summary>
    public static Dictionary<string, object?> Parse(IEnumerable<string> lines, ICollection<string> problems)
    {
        var list = new List<Line>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var text = raw.Replace("\t", "    ").TrimEnd();
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            list.Add(new Line(number, text.Length - trimmed.Length, trimmed));
        }

        var index = 0;
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (list.Count == 0)
        {
            return result;
        }

        if (IsSequenceItem(list[0].Text))
        {
            problems.Add($"yaml line {list[0].Number}: expected 'Key: value', found a list item");
            return result;
        }

        result = ParseMapping(list, ref index, list[0].Indent, problems);
        while (index < list.Count)
        {
            problems.Add($"yaml line {list[index].Number}: unexpected indentation: '{list[index].Text}'");
            index++;
            if (index < list.Count && list[index].Indent == list[0].Indent && !IsSequenceItem(list[index].Text))
            {
                foreach (var pair in ParseMapping(list, ref index, list[0].Indent, problems))
                {
                    result[pair.Key] = pair.Value;
                }
            }
        }

        return result;
    }

    /// <summary>A value as text: scalars as they are, sequences joined with ", ", null as "".</summary>
    public static string AsString(object? value) => value switch
    {
        null => "",
        string s => s,
        List<object?> items => string.Join(", ", items.Select(AsString)),
        _ => "",
    };

    /// <summary>A sequence value as strings; a single scalar becomes a one-item list, empty or null none.</summary>
    public static IReadOnlyList<string> AsList(object? value) => value switch
    {
        List<object?> items => items.Select(AsString).Where(s => s.Length > 0).ToList(),
        string s when s.Length > 0 => [s],
        _ => [],
    };

    /// <summary>true/yes/on (any case) as true; anything else false.</summary>
    public static bool AsBool(object? value) =>
        AsString(value).Trim().ToLowerInvariant() is "true" or "yes" or "on";

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    private static Dictionary<string, object?> ParseMapping(List<Line> lines, ref int index, int indent, ICollection<string> problems)
    {
        var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (index < lines.Count && lines[index].Indent == indent && !IsSequenceItem(lines[index].Text))
        {
            var line = lines[index];
            var match = KeyValue().Match(line.Text);
            if (!match.Success)
            {
                problems.Add($"yaml line {line.Number}: expected 'Key: value', found '{line.Text}'");
                index++;
                continue;
            }

            var key = Unquote(match.Groups["key"].Value.Trim());
            var value = match.Groups["value"].Success ? match.Groups["value"].Value.Trim() : "";
            index++;
            if (value is "|" or "|-" or "|+" or ">" or ">-" or ">+")
            {
                map[key] = ParseBlockScalar(lines, ref index, indent, folded: value[0] == '>');
            }
            else if (value.Length > 0)
            {
                map[key] = ParseInline(value, line.Number, problems);
            }
            else if (index < lines.Count && lines[index].Indent > indent)
            {
                map[key] = ParseNode(lines, ref index, lines[index].Indent, problems);
            }
            else if (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Text))
            {
                map[key] = ParseSequence(lines, ref index, indent, problems);
            }
            else
            {
                map[key] = null;
            }
        }

        return map;
    }

    private static object? ParseNode(List<Line> lines, ref int index, int indent, ICollection<string> problems) =>
        IsSequenceItem(lines[index].Text)
            ? ParseSequence(lines, ref index, indent, problems)
            : ParseMapping(lines, ref index, indent, problems);

    private static List<object?> ParseSequence(List<Line> lines, ref int index, int indent, ICollection<string> problems)
    {
        var items = new List<object?>();
        while (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Text))
        {
            var line = lines[index];
            var rest = line.Text.Length > 1 ? line.Text[1..].TrimStart() : "";
            if (rest.Length == 0)
            {
                index++;
                items.Add(index < lines.Count && lines[index].Indent > indent ? ParseNode(lines, ref index, lines[index].Indent, problems) : null);
            }
            else if (IsSequenceItem(rest) || KeyValue().IsMatch(rest))
            {
                // "- Name: x" starts a mapping (or "- - x" a nested list) whose column is that of "Name".
                var column = indent + (line.Text.Length - rest.Length);
                lines[index] = line with { Indent = column, Text = rest };
                items.Add(ParseNode(lines, ref index, column, problems));
            }
            else
            {
                items.Add(ParseInline(rest, line.Number, problems));
                index++;
            }
        }

        return items;
    }

    private static string ParseBlockScalar(List<Line> lines, ref int index, int indent, bool folded)
    {
        var parts = new List<string>();
        while (index < lines.Count && lines[index].Indent > indent)
        {
            parts.Add(lines[index].Text);
            index++;
        }

        return string.Join(folded ? " " : "\n", parts);
    }

    private static object? ParseInline(string value, int lineNumber, ICollection<string> problems)
    {
        if (value.StartsWith('['))
        {
            var end = FindClosing(value, '[', ']');
            if (end < 0)
            {
                problems.Add($"yaml line {lineNumber}: unterminated '[' in '{value}'");
                return new List<object?>();
            }

            return SplitFlow(value[1..end]).Select(s => (object?)Unquote(s)).Where(s => ((string)s!).Length > 0).ToList();
        }

        if (value.StartsWith('{'))
        {
            return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        }

        return Scalar(value, lineNumber, problems);
    }

    private static string Scalar(string value, int lineNumber, ICollection<string> problems)
    {
        if (value.StartsWith('\'') || value.StartsWith('"'))
        {
            var end = FindClosingQuote(value);
            if (end < 0)
            {
                problems.Add($"yaml line {lineNumber}: unterminated quote in '{value}'");
                return value.Trim(value[0]);
            }

            return Unquote(value[..(end + 1)]);
        }

        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        var plain = comment >= 0 ? value[..comment].TrimEnd() : value;
        return plain is "~" or "null" or "Null" or "NULL" ? "" : plain;
    }

    private static int FindClosingQuote(string value)
    {
        var quote = value[0];
        for (var i = 1; i < value.Length; i++)
        {
            if (quote == '"' && value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == quote)
            {
                if (quote == '\'' && i + 1 < value.Length && value[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return -1;
    }

    private static int FindClosing(string value, char open, char close)
    {
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> SplitFlow(string inner)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in inner)
        {
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
                current.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                current.Append(c);
            }
            else if (c == ',')
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.ToString().Trim().Length > 0)
        {
            parts.Add(current.ToString().Trim());
        }

        return parts;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1].Replace("''", "'");
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            var sb = new StringBuilder();
            for (var i = 1; i < value.Length - 1; i++)
            {
                if (value[i] == '\\' && i + 1 < value.Length - 1)
                {
                    i++;
                    sb.Append(value[i] switch { 'n' => '\n', 't' => '\t', '0' => '\0', _ => value[i] });
                }
                else
                {
                    sb.Append(value[i]);
                }
            }

            return sb.ToString();
        }

        return value;
    }
}
