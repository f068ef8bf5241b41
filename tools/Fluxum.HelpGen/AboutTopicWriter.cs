using System.Text;
using System.Text.RegularExpressions;

namespace Fluxum.HelpGen;

/// <summary>The text of an about topic and what was wrong with its markdown.</summary>
public sealed record AboutTopic(string Name, string Text, IReadOnlyList<string> Problems);

/// <summary>
/// Turns `about_X.md` into `about_X.help.txt` in the classic about-topic layout: `TOPIC` / the name, then each H2 as
/// an upper-cased heading (SHORT DESCRIPTION, LONG DESCRIPTION, ...) with its text indented four columns and wrapped at
/// 80, code blocks indented four more. Get-Help takes the 5th line as the topic's synopsis, so the short description
/// starts there.
/// </summary>
public static partial class AboutTopicWriter
{
    public const int Width = 80;
    private const string Indent = "    ";

    [GeneratedRegex(@"^ {0,3}(?<level>#{1,2})[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    /// <summary>Renders an about topic; fallbackName (the file's topic name) is used when the page has no `# about_X`.</summary>
    public static AboutTopic Write(string markdown, string fallbackName)
    {
        var (_, _, body, problems) = MarkdownLines.ReadFrontMatter(markdown);
        var name = "";
        var sections = new List<(string Title, List<string> Lines)>();
        foreach (var (line, kind, _) in MarkdownLines.Classify(body))
        {
            var heading = kind == MarkdownLines.LineKind.Prose ? Heading().Match(line) : Match.Empty;
            if (heading.Success && heading.Groups["level"].Length == 1 && name.Length == 0)
            {
                name = heading.Groups["text"].Value.Trim();
            }
            else if (heading.Success && heading.Groups["level"].Length == 2)
            {
                sections.Add((heading.Groups["text"].Value.Trim(), []));
            }
            else if (sections.Count > 0)
            {
                sections[^1].Lines.Add(line);
            }
        }

        if (name.Length == 0)
        {
            problems.Add($"the page has no '# {fallbackName}' heading");
            name = fallbackName;
        }
        else if (!string.Equals(name, fallbackName, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"the page is titled '# {name}' but its file name says '{fallbackName}'");
        }

        string Title(int i) => Regex.Replace(sections[i].Title, @"\s+", " ").ToUpperInvariant();
        if (sections.Count == 0 || Title(0) != "SHORT DESCRIPTION")
        {
            problems.Add("the first section must be '## Short description' (Get-Help reads the synopsis from it)");
        }

        if (!sections.Select((_, i) => Title(i)).Contains("LONG DESCRIPTION"))
        {
            problems.Add("missing section '## Long description'");
        }

        var sb = new StringBuilder();
        sb.Append("TOPIC\n").Append(Indent).Append(name).Append('\n');
        for (var i = 0; i < sections.Count; i++)
        {
            sb.Append('\n').Append(Title(i)).Append('\n');
            var lines = Render(string.Join("\n", sections[i].Lines));
            if (i == 0 && Title(0) == "SHORT DESCRIPTION" && lines.Count(l => l.Length > 0) > 1)
            {
                problems.Add($"the short description does not fit on one line of {Width} columns; Get-Help shows only its first line as the synopsis");
            }

            foreach (var line in lines)
            {
                sb.Append(line).Append('\n');
            }
        }

        return new AboutTopic(name, sb.ToString(), problems);
    }

    private static List<string> Render(string markdown)
    {
        var output = new List<string>();
        MarkdownText.Block? previous = null;
        foreach (var block in MarkdownText.Blocks(markdown))
        {
            var tightList = previous?.Kind == MarkdownText.BlockKind.ListItem && block.Kind == MarkdownText.BlockKind.ListItem;
            if (previous is not null && !tightList)
            {
                output.Add("");
            }

            switch (block.Kind)
            {
                case MarkdownText.BlockKind.ListItem:
                    var prefix = MarkdownText.ListPrefix(block.Marker);
                    output.AddRange(MarkdownText.Wrap(prefix + block.Text, Width, Indent, Indent + new string(' ', prefix.Length)));
                    break;
                case MarkdownText.BlockKind.Code:
                    output.AddRange(block.Lines.Select(l => l.Length == 0 ? "" : Indent + Indent + l));
                    break;
                case MarkdownText.BlockKind.Table:
                    output.AddRange(block.Lines.Select(l => Indent + l));
                    break;
                case MarkdownText.BlockKind.Heading:
                    output.Add(Indent + block.Text);
                    break;
                default:
                    output.AddRange(MarkdownText.Wrap(block.Text, Width, Indent));
                    break;
            }

            previous = block;
        }

        return output;
    }
}
