using System.Text;
using System.Text.RegularExpressions;

namespace Fluxum.HelpGen;

/// <summary>
/// Turns a section's markdown into console text: blocks (paragraphs, list items, code, tables, headings) with inline
/// markup removed (code spans keep their text, links keep their text, emphasis markers go).
/// </summary>
internal static partial class MarkdownText
{
    internal enum BlockKind { Paragraph, ListItem, Code, Table, Heading }

    /// <summary>A block: the paragraph or list item text (already inline-cleaned), or the verbatim code/table lines.</summary>
    internal sealed record Block(BlockKind Kind, string Text, IReadOnlyList<string> Lines, string Marker = "", int Level = 0);

    [GeneratedRegex(@"^(?<indent> {0,3})(?<marker>[-*+]|\d{1,9}[.)])[ \t]+(?<text>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^ {0,3}(?<level>#{1,6})[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"!?\[(?<text>(?:[^\]\\]|\\.)*)\]\(\s*<?(?<uri>[^)\s>]*)>?(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(?<uri>https?://[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(?<text>.+?)(?<=\S)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*\\])\*(?=[^\s*])(?<text>[^*]+?)(?<=[^\s*])\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\(?<c>[!""#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^\[!(?<kind>[A-Za-z]+)\]\s*")]
    private static partial Regex Alert();

    /// <summary>Splits markdown into blocks. Blank lines end paragraphs; indented lines continue a list item.</summary>
    internal static List<Block> Blocks(string markdown)
    {
        var blocks = new List<Block>();
        var lines = HtmlComment().Replace(markdown ?? "", "").Replace("\r\n", "\n").Split('\n');
        var paragraph = new List<string>();
        (string Marker, List<string> Lines)? item = null;
        List<string>? code = null;
        var table = new List<string>();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new Block(BlockKind.Paragraph, Inline(string.Join(" ", paragraph)), paragraph.ToList()));
                paragraph.Clear();
            }

            if (item is { } open)
            {
                blocks.Add(new Block(BlockKind.ListItem, Inline(string.Join(" ", open.Lines)), open.Lines, open.Marker));
                item = null;
            }

            if (table.Count > 0)
            {
                blocks.Add(new Block(BlockKind.Table, "", table.ToList()));
                table.Clear();
            }
        }

        foreach (var (line, kind, _) in MarkdownLines.Classify(lines))
        {
            switch (kind)
            {
                case MarkdownLines.LineKind.FenceOpen:
                    Flush();
                    code = [];
                    continue;
                case MarkdownLines.LineKind.Code:
                    code!.Add(line.TrimEnd());
                    continue;
                case MarkdownLines.LineKind.FenceClose:
                    blocks.Add(new Block(BlockKind.Code, "", TrimBlank(code!)));
                    code = null;
                    continue;
            }

            var text = line.Trim();
            if (text.StartsWith('>'))
            {
                // Block quotes and docs alerts ("> [!NOTE]") read as plain paragraphs.
                text = text.TrimStart('>', ' ');
                var alert = Alert().Match(text);
                if (alert.Success)
                {
                    Flush();
                    text = (alert.Groups["kind"].Value.ToUpperInvariant() + ": " + text[alert.Length..]).Trim();
                }
            }

            if (text.Length == 0)
            {
                Flush();
                continue;
            }

            var heading = Heading().Match(line);
            var listItem = ListItem().Match(line);
            if (heading.Success)
            {
                Flush();
                blocks.Add(new Block(BlockKind.Heading, Inline(heading.Groups["text"].Value), [line], "", heading.Groups["level"].Length));
            }
            else if (text.StartsWith('|'))
            {
                if (paragraph.Count > 0 || item is not null)
                {
                    Flush();
                }

                table.Add(text);
            }
            else if (listItem.Success)
            {
                Flush();
                item = (listItem.Groups["marker"].Value, [listItem.Groups["text"].Value.Trim()]);
            }
            else if (item is { } open)
            {
                open.Lines.Add(text);
            }
            else
            {
                if (table.Count > 0)
                {
                    Flush();
                }

                paragraph.Add(text);
            }
        }

        if (code is not null)
        {
            blocks.Add(new Block(BlockKind.Code, "", TrimBlank(code)));
        }

        Flush();
        return blocks;
    }

    /// <summary>
    /// The paragraphs of a section for MAML: one per block, except that a run of list items makes one paragraph with
    /// an item per line ("- text"); code and tables keep their lines, code indented four spaces.
    /// </summary>
    internal static List<string> Paragraphs(string markdown)
    {
        var result = new List<string>();
        var previous = (BlockKind?)null;
        foreach (var block in Blocks(markdown))
        {
            if (block.Kind == BlockKind.ListItem && previous == BlockKind.ListItem)
            {
                result[^1] += "\n" + ListPrefix(block.Marker) + block.Text;
                continue;
            }

            result.Add(block.Kind switch
            {
                BlockKind.ListItem => ListPrefix(block.Marker) + block.Text,
                BlockKind.Code => string.Join("\n", block.Lines.Select(l => l.Length == 0 ? "" : "    " + l)),
                BlockKind.Table => string.Join("\n", block.Lines),
                _ => block.Text,
            });
            previous = block.Kind;
        }

        return result;
    }

    /// <summary>Removes inline markup: code span delimiters, link targets, emphasis markers and backslash escapes.</summary>
    internal static string Inline(string text)
    {
        var sb = new StringBuilder();
        var plain = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                plain.Append(text, i, 2);
                i += 2;
                continue;
            }

            if (text[i] != '`')
            {
                plain.Append(text[i]);
                i++;
                continue;
            }

            var run = 0;
            while (i + run < text.Length && text[i + run] == '`')
            {
                run++;
            }

            var close = FindRun(text, i + run, run);
            if (close < 0)
            {
                plain.Append('`', run);
                i += run;
                continue;
            }

            var content = text[(i + run)..close];
            if (content.Length >= 2 && content[0] == ' ' && content[^1] == ' ' && content.Trim().Length > 0)
            {
                content = content[1..^1];
            }

            sb.Append(Markup(plain.ToString())).Append(content);
            plain.Clear();
            i = close + run;
        }

        return sb.Append(Markup(plain.ToString())).ToString();
    }

    /// <summary>Wraps text to width columns with the given first-line and continuation indents.</summary>
    internal static IEnumerable<string> Wrap(string text, int width, string indent, string? continuation = null)
    {
        continuation ??= indent;
        var line = new StringBuilder(indent);
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(continuation);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        if (lineHasWord)
        {
            yield return line.ToString();
        }
    }

    internal static string ListPrefix(string marker) => marker is "*" or "+" or "-" ? "- " : marker + " ";

    private static string Markup(string text)
    {
        text = Link().Replace(text, m =>
        {
            var label = m.Groups["text"].Value;
            var uri = m.Groups["uri"].Value;
            return uri.StartsWith("http", StringComparison.OrdinalIgnoreCase) && label != uri ? $"{label} ({uri})" : label;
        });
        text = AutoLink().Replace(text, m => m.Groups["uri"].Value);
        text = Strong().Replace(text, m => m.Groups["text"].Value);
        text = Emphasis().Replace(text, m => m.Groups["text"].Value);
        return Escape().Replace(text, m => m.Groups["c"].Value);
    }

    private static int FindRun(string text, int start, int length)
    {
        var i = start;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var run = 0;
            while (i + run < text.Length && text[i + run] == '`')
            {
                run++;
            }

            if (run == length)
            {
                return i;
            }

            i += run;
        }

        return -1;
    }

    private static List<string> TrimBlank(List<string> lines)
    {
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first < 0)
        {
            return [];
        }

        var last = lines.FindLastIndex(l => l.Trim().Length > 0);
        return lines.GetRange(first, last - first + 1);
    }
}
