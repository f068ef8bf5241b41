namespace Fluxum.HelpGen;

// The content of one command help page (platyPS 2024-05-01 markdown), as written by its author.
// Text members hold the section's markdown with surrounding blank lines trimmed; MarkdownText turns it into paragraphs.

/// <summary>One parsed `docs/en-US/&lt;Command&gt;.md` page.</summary>
public sealed record CommandHelp
{
    /// <summary>The `# Name` heading (empty when the page has none).</summary>
    public string Name { get; init; } = "";

    /// <summary>True when the page starts with a `---` front matter block, as the platyPS validator requires.</summary>
    public bool HasFrontMatter { get; init; }

    /// <summary>Front matter keys and values (`title`, `Module Name`, `HelpUri`, ...), keys case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string Synopsis { get; init; } = "";

    /// <summary>The SYNTAX section's H3 blocks; informational only, MAML syntax comes from the command metadata.</summary>
    public IReadOnlyList<SyntaxHelp> Syntax { get; init; } = [];

    /// <summary>The ALIASES section text, or null when the page has no such section.</summary>
    public string? Aliases { get; init; }

    public string Description { get; init; } = "";

    public IReadOnlyList<ExampleHelp> Examples { get; init; } = [];

    /// <summary>Every `### -Name` section in page order (CommonParameters is not one of them).</summary>
    public IReadOnlyList<ParameterHelp> Parameters { get; init; } = [];

    /// <summary>True when PARAMETERS has a `### CommonParameters` section.</summary>
    public bool HasCommonParameters { get; init; }

    public IReadOnlyList<TypeHelp> Inputs { get; init; } = [];

    public IReadOnlyList<TypeHelp> Outputs { get; init; } = [];

    public string Notes { get; init; } = "";

    public IReadOnlyList<LinkHelp> Links { get; init; } = [];

    /// <summary>The H2 headings in page order, upper-cased and trimmed (`SYNOPSIS`, `SYNTAX`, ...).</summary>
    public IReadOnlyList<string> SectionOrder { get; init; } = [];

    /// <summary>Things the parser could not read (a parameter without a yaml block, a bad yaml line, ...).</summary>
    public IReadOnlyList<string> ParseProblems { get; init; } = [];
}

/// <summary>An H3 block of the SYNTAX section: the parameter set name (without " (Default)") and its code.</summary>
public sealed record SyntaxHelp(string ParameterSetName, bool IsDefault, string Code);

/// <summary>
/// `### Example N: title`. Introduction is the prose before the first code block, Code every fenced block joined
/// by a blank line, Remarks the prose after the first code block.
/// </summary>
public sealed record ExampleHelp(string Title, string Introduction, string Code, string Remarks);

/// <summary>`### -Name`: the prose description and the keys of its yaml block.</summary>
public sealed record ParameterHelp(
    string Name,
    string Description,
    string Type,
    string DefaultValue,
    bool SupportsWildcards,
    IReadOnlyList<string> ParameterValue,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParameterSetHelp> ParameterSets,
    bool DontShow,
    IReadOnlyList<string> AcceptedValues,
    string HelpMessage);

/// <summary>One entry of a parameter's `ParameterSets` list. Position is "Named" or a number, as written.</summary>
public sealed record ParameterSetHelp(
    string Name,
    string Position,
    bool IsRequired,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName,
    bool ValueFromRemainingArguments);

/// <summary>An INPUTS or OUTPUTS entry: the H3 type name and the prose under it.</summary>
public sealed record TypeHelp(string TypeName, string Description);

/// <summary>A RELATED LINKS entry: `[Text](Uri)`, or plain text with an empty Uri.</summary>
public sealed record LinkHelp(string Text, string Uri);
