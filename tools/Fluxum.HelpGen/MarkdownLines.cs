using System.Text.RegularExpressions;

namespace Fluxum.HelpGen;

/// <summary>Line-level markdown: the front matter block, and which lines sit inside fenced code.</summary>
internal static partial class MarkdownLines
{
    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})[ \t]*(?<info>[^`]*)$")]
    private static partial Regex FenceOpen();

    /// <summary>
    /// Splits off the `---` front matter: whether there is one, its keys, the remaining lines, and any problem found.
    /// </summary>
    internal static (bool HasFrontMatter, Dictionary<string, string> Metadata, string[] Body, List<string> Problems) ReadFrontMatter(string markdown)
    {
        var lines = markdown.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var problems = new List<string>();
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        while (index < lines.Length && lines[index].Trim().Length == 0)
        {
            index++;
        }

        if (index == lines.Length || lines[index].Trim() != "---")
        {
            return (false, metadata, lines, problems);
        }

        var start = ++index;
        while (index < lines.Length && lines[index].Trim() is not ("---" or "..."))
        {
            index++;
        }

        if (index == lines.Length)
        {
            problems.Add("the front matter has no closing '---' line");
            return (true, metadata, lines[start..], problems);
        }

        var yamlProblems = new List<string>();
        foreach (var pair in MiniYaml.Parse(lines[start..index], yamlProblems))
        {
            metadata[pair.Key] = MiniYaml.AsString(pair.Value);
        }

        problems.AddRange(yamlProblems.Select(p => "front matter: " + p));
        return (true, metadata, lines[(index + 1)..], problems);
    }

    /// <summary>What a line is, with fenced code blocks taken into account.</summary>
    internal enum LineKind { Prose, FenceOpen, Code, FenceClose }

    /// <summary>
    /// Marks each line as prose, a code line, or a fence line, so headings and prose can be told from code.
    /// Info is the opening fence's info string (`powershell`, `yaml`) for the fence and code lines.
    /// </summary>
    internal static IEnumerable<(string Line, LineKind Kind, string Info)> Classify(IEnumerable<string> lines)
    {
        string? fence = null;
        var info = "";
        foreach (var line in lines)
        {
            if (fence is null)
            {
                var open = FenceOpen().Match(line);
                if (open.Success)
                {
                    fence = open.Groups["fence"].Value;
                    info = open.Groups["info"].Value.Trim();
                    yield return (line, LineKind.FenceOpen, info);
                }
                else
                {
                    yield return (line, LineKind.Prose, "");
                }
            }
            else
            {
                var trimmed = line.Trim();
                if (trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]) && line.Length - line.TrimStart().Length <= 3)
                {
                    fence = null;
                    yield return (line, LineKind.FenceClose, info);
                }
                else
                {
                    yield return (line, LineKind.Code, info);
                }
            }
        }
    }
}
