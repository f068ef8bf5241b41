using System.Text.RegularExpressions;

namespace Fluxum.HelpGen;

/// <summary>
/// Reads a command help page in the platyPS 2024-05-01 markdown schema: `---` front matter, `# Name`, H2 sections,
/// H3 sub-sections, fenced code and the parameters' yaml blocks. Only that fixed subset; no Markdown library.
/// </summary>
public static partial class HelpMarkdown
{
    /// <summary>A page section: its heading (as written), the lines before its first H3, and its H3 blocks.</summary>
    private sealed class Section(string title)
    {
        public string Title { get; } = title;
        public List<string> Lines { get; } = [];
        public List<(string Title, List<string> Lines)> Subsections { get; } = [];
    }

    [GeneratedRegex(@"^ {0,3}(?<level>#{1,6})(?:[ \t]+(?<text>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])[ \t]+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\[(?<text>(?:[^\]\\]|\\.)*)\]\(\s*<?(?<uri>[^)\s>]*)>?(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)")]
    private static partial Regex MarkdownLink();

    /// <summary>Parses one command help page. Never throws on content; what it cannot read is in ParseProblems.</summary>
    public static CommandHelp Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var (hasFrontMatter, metadata, lines, problems) = MarkdownLines.ReadFrontMatter(markdown);
        var (name, sections) = SplitSections(lines);
        if (name.Length == 0)
        {
            problems.Add("the page has no '# Name' heading");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        Section? Find(string title)
        {
            return sections.FirstOrDefault(s => Normalize(s.Title) == title);
        }

        foreach (var section in sections)
        {
            if (!seen.Add(Normalize(section.Title)))
            {
                problems.Add($"section '## {section.Title}' appears more than once; only the first is read");
            }
        }

        return new CommandHelp
        {
            Name = name,
            HasFrontMatter = hasFrontMatter,
            Metadata = metadata,
            Synopsis = Find("SYNOPSIS") is { } synopsis ? Text(AllLines(synopsis)) : "",
            Syntax = Find("SYNTAX") is { } syntax ? ReadSyntax(syntax) : [],
            Aliases = Find("ALIASES") is { } aliases ? Text(AllLines(aliases)) : null,
            Description = Find("DESCRIPTION") is { } description ? Text(AllLines(description)) : "",
            Examples = Find("EXAMPLES") is { } examples ? ReadExamples(examples, problems) : [],
            Parameters = Find("PARAMETERS") is { } parameters ? ReadParameters(parameters, problems) : [],
            HasCommonParameters = Find("PARAMETERS") is { } p &&
                p.Subsections.Any(s => string.Equals(s.Title.Trim(), "CommonParameters", StringComparison.OrdinalIgnoreCase)),
            Inputs = Find("INPUTS") is { } inputs ? ReadTypes(inputs, problems) : [],
            Outputs = Find("OUTPUTS") is { } outputs ? ReadTypes(outputs, problems) : [],
            Notes = Find("NOTES") is { } notes ? Text(AllLines(notes)) : "",
            Links = Find("RELATED LINKS") is { } links ? ReadLinks(links) : [],
            SectionOrder = sections.Select(s => Normalize(s.Title)).ToList(),
            ParseProblems = problems,
        };
    }

    /// <summary>Reads a page from disk and parses it.</summary>
    public static CommandHelp ParseFile(string path) => Parse(File.ReadAllText(path));

    private static string Normalize(string title) => Regex.Replace(title.Trim(), @"\s+", " ").ToUpperInvariant();

    private static (string Name, List<Section> Sections) SplitSections(string[] lines)
    {
        var name = "";
        var sections = new List<Section>();
        List<string>? target = null;
        foreach (var (line, kind, _) in MarkdownLines.Classify(lines))
        {
            var heading = kind == MarkdownLines.LineKind.Prose ? Heading().Match(line) : Match.Empty;
            if (heading.Success && heading.Groups["level"].Length <= 3)
            {
                var text = heading.Groups["text"].Value.Trim();
                switch (heading.Groups["level"].Length)
                {
                    case 1:
                        if (name.Length == 0)
                        {
                            name = text;
                        }

                        target = null;
                        break;
                    case 2:
                        var section = new Section(text);
                        sections.Add(section);
                        target = section.Lines;
                        break;
                    default:
                        if (sections.Count > 0)
                        {
                            var sub = (text, new List<string>());
                            sections[^1].Subsections.Add(sub);
                            target = sub.Item2;
                        }

                        break;
                }

                continue;
            }

            target?.Add(line);
        }

        return (name, sections);
    }

    private static IEnumerable<string> AllLines(Section section) =>
        section.Lines.Concat(section.Subsections.SelectMany(s => new[] { "", "### " + s.Title, "" }.Concat(s.Lines)));

    /// <summary>Joins lines, dropping blank lines at both ends and trailing spaces.</summary>
    private static string Text(IEnumerable<string> lines)
    {
        var list = lines.Select(l => l.TrimEnd()).ToList();
        var first = list.FindIndex(l => l.Length > 0);
        if (first < 0)
        {
            return "";
        }

        var last = list.FindLastIndex(l => l.Length > 0);
        return string.Join("\n", list.GetRange(first, last - first + 1));
    }

    private static List<SyntaxHelp> ReadSyntax(Section section)
    {
        var result = new List<SyntaxHelp>();
        foreach (var (title, lines) in section.Subsections)
        {
            var isDefault = title.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
            var setName = isDefault ? title[..^"(Default)".Length].Trim() : title.Trim();
            var code = MarkdownLines.Classify(lines).Where(l => l.Kind == MarkdownLines.LineKind.Code).Select(l => l.Line);
            result.Add(new SyntaxHelp(setName, isDefault, Text(code)));
        }

        return result;
    }

    private static List<ExampleHelp> ReadExamples(Section section, List<string> problems)
    {
        var result = new List<ExampleHelp>();
        if (Text(section.Lines).Length > 0)
        {
            problems.Add("EXAMPLES: text before the first '### Example' heading is ignored");
        }

        foreach (var (title, lines) in section.Subsections)
        {
            var intro = new List<string>();
            var remarks = new List<string>();
            var blocks = new List<List<string>>();
            foreach (var (line, kind, _) in MarkdownLines.Classify(lines))
            {
                switch (kind)
                {
                    case MarkdownLines.LineKind.FenceOpen:
                        blocks.Add([]);
                        break;
                    case MarkdownLines.LineKind.Code:
                        blocks[^1].Add(line);
                        break;
                    case MarkdownLines.LineKind.Prose:
                        (blocks.Count == 0 ? intro : remarks).Add(line);
                        break;
                }
            }

            var code = string.Join("\n\n", blocks.Select(Text).Where(t => t.Length > 0));
            result.Add(new ExampleHelp(title.Trim(), Text(intro), code, Text(remarks)));
        }

        return result;
    }

    private static List<ParameterHelp> ReadParameters(Section section, List<string> problems)
    {
        var result = new List<ParameterHelp>();
        foreach (var (title, lines) in section.Subsections)
        {
            var heading = title.Trim();
            if (string.Equals(heading, "CommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!heading.StartsWith('-'))
            {
                problems.Add($"PARAMETERS: heading '### {heading}' is neither '### -Name' nor '### CommonParameters'");
                continue;
            }

            var name = heading[1..].Trim();
            var description = new List<string>();
            var yaml = new List<string>();
            var yamlState = 0; // 0 = not seen, 1 = inside the yaml fence, 2 = read
            foreach (var (line, kind, info) in MarkdownLines.Classify(lines))
            {
                var isYaml = info.Equals("yaml", StringComparison.OrdinalIgnoreCase) || info.Equals("yml", StringComparison.OrdinalIgnoreCase);
                if (kind is MarkdownLines.LineKind.FenceOpen or MarkdownLines.LineKind.FenceClose && isYaml && yamlState < 2)
                {
                    yamlState++;
                    continue;
                }

                if (yamlState == 1 && kind == MarkdownLines.LineKind.Code)
                {
                    yaml.Add(line);
                }
                else
                {
                    description.Add(line);
                }
            }

            if (yamlState == 0)
            {
                problems.Add($"PARAMETERS: -{name} has no ```yaml block");
            }

            var yamlProblems = new List<string>();
            var map = MiniYaml.Parse(yaml, yamlProblems);
            problems.AddRange(yamlProblems.Select(p => $"PARAMETERS: -{name}: {p}"));
            result.Add(ToParameter(name, Text(description), map));
        }

        return result;
    }

    private static ParameterHelp ToParameter(string name, string description, Dictionary<string, object?> map)
    {
        object? Get(string key) => map.TryGetValue(key, out var value) ? value : null;

        var sets = new List<ParameterSetHelp>();
        if (Get("ParameterSets") is List<object?> items)
        {
            foreach (var item in items.OfType<Dictionary<string, object?>>())
            {
                string Field(string key) => MiniYaml.AsString(item.TryGetValue(key, out var v) ? v : null);
                bool Flag(string key) => MiniYaml.AsBool(item.TryGetValue(key, out var v) ? v : null);
                sets.Add(new ParameterSetHelp(
                    Field("Name"),
                    Field("Position") is { Length: > 0 } position ? position : "Named",
                    Flag("IsRequired"),
                    Flag("ValueFromPipeline"),
                    Flag("ValueFromPipelineByPropertyName"),
                    Flag("ValueFromRemainingArguments")));
            }
        }

        return new ParameterHelp(
            name,
            description,
            MiniYaml.AsString(Get("Type")),
            MiniYaml.AsString(Get("DefaultValue")),
            MiniYaml.AsBool(Get("SupportsWildcards")),
            MiniYaml.AsList(Get("ParameterValue")),
            MiniYaml.AsList(Get("Aliases")),
            sets,
            MiniYaml.AsBool(Get("DontShow")),
            MiniYaml.AsList(Get("AcceptedValues")),
            MiniYaml.AsString(Get("HelpMessage")));
    }

    private static List<TypeHelp> ReadTypes(Section section, List<string> problems)
    {
        if (Text(section.Lines).Length > 0)
        {
            problems.Add($"{Normalize(section.Title)}: text outside a '### TypeName' heading is ignored");
        }

        return section.Subsections.Select(s => new TypeHelp(s.Title.Trim(), Text(s.Lines))).ToList();
    }

    private static List<LinkHelp> ReadLinks(Section section)
    {
        var result = new List<LinkHelp>();
        foreach (var (line, kind, _) in MarkdownLines.Classify(AllLines(section)))
        {
            var text = line.Trim();
            if (kind != MarkdownLines.LineKind.Prose || text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            text = ListMarker().Replace(text, "");
            var link = MarkdownLink().Match(text);
            if (link.Success)
            {
                result.Add(new LinkHelp(link.Groups["text"].Value.Replace("\\", ""), link.Groups["uri"].Value));
            }
            else if (text.StartsWith('<') && text.EndsWith('>'))
            {
                result.Add(new LinkHelp(text[1..^1], text[1..^1]));
            }
            else
            {
                result.Add(new LinkHelp(text, ""));
            }
        }

        return result;
    }
}
