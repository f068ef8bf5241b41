namespace Fluxum.HelpGen;

/// <summary>
/// Checks a parsed help page: the platyPS structure rules (front matter, the H2 sections present and in order, a
/// non-empty SYNOPSIS), enough examples, and drift between the documented and the real parameters.
/// Returns plain messages; an empty list means the page is fine. Uses nothing but the BCL.
/// </summary>
public static class HelpValidator
{
    /// <summary>The H2 sections every page must have, in this order (ALIASES may sit between SYNTAX and DESCRIPTION).</summary>
    public static IReadOnlyList<string> RequiredSections { get; } =
        ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    /// <summary>
    /// The common parameters a page does not document one by one (`### CommonParameters` covers them).
    /// WhatIf and Confirm are not here: platyPS documents them as ordinary parameters.
    /// </summary>
    public static IReadOnlySet<string> CommonParameterNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
        "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    /// <summary>The default minimum number of examples a page must have.</summary>
    public const int DefaultMinimumExamples = 2;

    public static bool IsCommonParameter(string name) => CommonParameterNames.Contains(name);

    /// <summary>
    /// Every check at once: <see cref="ValidateStructure"/>, plus <see cref="CompareParameters"/> when the real
    /// parameter names are given, plus a check that `# Name` equals expectedName when that is given.
    /// </summary>
    public static IReadOnlyList<string> Validate(
        CommandHelp help,
        IEnumerable<string>? actualParameterNames = null,
        string? expectedName = null,
        int minimumExamples = DefaultMinimumExamples)
    {
        var messages = new List<string>(ValidateStructure(help, minimumExamples));
        if (expectedName is not null && help.Name.Length > 0 && !string.Equals(help.Name, expectedName, StringComparison.Ordinal))
        {
            messages.Add($"the page is titled '# {help.Name}' but documents '{expectedName}'");
        }

        if (actualParameterNames is not null)
        {
            messages.AddRange(CompareParameters(help, actualParameterNames));
        }

        return messages;
    }

    /// <summary>The page-only checks: front matter, sections and their order, SYNOPSIS, examples, parse problems.</summary>
    public static IReadOnlyList<string> ValidateStructure(CommandHelp help, int minimumExamples = DefaultMinimumExamples)
    {
        ArgumentNullException.ThrowIfNull(help);
        var messages = new List<string>(help.ParseProblems);
        if (!help.HasFrontMatter)
        {
            messages.Add("the page does not start with '---' front matter");
        }

        messages.AddRange(CheckSections(help.SectionOrder));

        if (help.SectionOrder.Contains("SYNOPSIS") && help.Synopsis.Trim().Length == 0)
        {
            messages.Add("SYNOPSIS is empty");
        }

        if (help.Examples.Count < minimumExamples)
        {
            messages.Add($"EXAMPLES has {help.Examples.Count} example(s); at least {minimumExamples} expected");
        }

        foreach (var example in help.Examples.Where(e => e.Code.Trim().Length == 0))
        {
            messages.Add($"EXAMPLES: '{example.Title}' has no code block");
        }

        foreach (var group in help.Parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            messages.Add($"PARAMETERS: -{group.Key} is documented {group.Count()} times");
        }

        foreach (var parameter in help.Parameters.Where(p => p.Description.Trim().Length == 0))
        {
            messages.Add($"PARAMETERS: -{parameter.Name} has no description");
        }

        foreach (var (where, text) in Texts(help).Where(t => t.Text.Contains("{{", StringComparison.Ordinal)))
        {
            messages.Add($"{where} still holds '{{{{ ... }}}}' placeholder text");
        }

        return messages;
    }

    /// <summary>
    /// Drift between the page and the command: real parameters (common ones ignored, WhatIf/Confirm kept) without a
    /// `### -Name` section, sections for parameters the command lacks, spelling that differs only in case, and a
    /// missing `### CommonParameters` section when the command has the common parameters.
    /// </summary>
    public static IReadOnlyList<string> CompareParameters(CommandHelp help, IEnumerable<string> actualParameterNames)
    {
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(actualParameterNames);
        var all = actualParameterNames.ToList();
        var actual = all.Where(n => !IsCommonParameter(n)).ToList();
        var documented = help.Parameters.Select(p => p.Name).ToList();
        var messages = new List<string>();
        foreach (var name in actual)
        {
            var match = documented.FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                messages.Add($"parameter -{name} is not documented: add a '### -{name}' section under PARAMETERS");
            }
            else if (!string.Equals(match, name, StringComparison.Ordinal))
            {
                messages.Add($"'### -{match}' is spelled '-{name}' by the command");
            }
        }

        foreach (var name in documented.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IsCommonParameter(name))
            {
                messages.Add($"'### -{name}' documents a common parameter: '### CommonParameters' covers it");
            }
            else if (!actual.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                messages.Add($"'### -{name}' documents a parameter the command does not have");
            }
        }

        if (all.Any(IsCommonParameter) && !help.HasCommonParameters)
        {
            messages.Add("PARAMETERS has no '### CommonParameters' section");
        }

        return messages;
    }

    /// <summary>Command names with no page (compared case-insensitively).</summary>
    public static IReadOnlyList<string> MissingPages(IEnumerable<string> commandNames, IEnumerable<string> pageNames)
    {
        var pages = new HashSet<string>(pageNames, StringComparer.OrdinalIgnoreCase);
        return commandNames.Where(c => !pages.Contains(c)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Page names that are no command of the module (compared case-insensitively).</summary>
    public static IReadOnlyList<string> OrphanPages(IEnumerable<string> commandNames, IEnumerable<string> pageNames) =>
        MissingPages(pageNames, commandNames);

    private static IEnumerable<string> CheckSections(IReadOnlyList<string> order)
    {
        foreach (var missing in RequiredSections.Where(s => !order.Contains(s)))
        {
            yield return $"missing section '## {missing}'";
        }

        foreach (var unknown in order.Where(s => s != "ALIASES" && !RequiredSections.Contains(s)).Distinct())
        {
            yield return $"unexpected section '## {unknown}'";
        }

        var present = order.Where(RequiredSections.Contains).Distinct().ToList();
        var expected = RequiredSections.Where(present.Contains).ToList();
        if (!present.SequenceEqual(expected))
        {
            yield return $"sections out of order: found {string.Join(", ", present)}; expected {string.Join(", ", expected)}";
        }

        var aliases = IndexOf(order, "ALIASES");
        if (aliases >= 0)
        {
            var syntax = IndexOf(order, "SYNTAX");
            var description = IndexOf(order, "DESCRIPTION");
            if ((syntax >= 0 && aliases < syntax) || (description >= 0 && aliases > description))
            {
                yield return "'## ALIASES' must sit between '## SYNTAX' and '## DESCRIPTION'";
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<(string Where, string Text)> Texts(CommandHelp help)
    {
        yield return ("SYNOPSIS", help.Synopsis);
        yield return ("DESCRIPTION", help.Description);
        foreach (var e in help.Examples)
        {
            yield return ($"EXAMPLES: '{e.Title}'", e.Title + e.Introduction + e.Remarks);
        }

        foreach (var p in help.Parameters)
        {
            yield return ($"PARAMETERS: -{p.Name}", p.Description);
        }

        foreach (var t in help.Inputs)
        {
            yield return ($"INPUTS: {t.TypeName}", t.TypeName + t.Description);
        }

        foreach (var t in help.Outputs)
        {
            yield return ($"OUTPUTS: {t.TypeName}", t.TypeName + t.Description);
        }

        yield return ("NOTES", help.Notes);
    }
}
