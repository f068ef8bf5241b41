using Fluxum.HelpGen;
using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Help;

/// <summary>Every command has a platyPS page that matches its real parameters (what Get-Help shows is checked in the real pwsh: tests/Pester/Help.Tests.ps1).</summary>
[Collection(ModuleCollection.Name)]
public sealed class HelpTests : IDisposable
{
    private readonly PowerShellSession _ps = new();

    public void Dispose() => _ps.Dispose();

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "Fluxum.psd1"));
        foreach (var name in Module.ModuleLayoutTests.ManifestList(manifest, "CmdletsToExport")
                     .Concat(Module.ModuleLayoutTests.ManifestList(manifest, "FunctionsToExport")))
        {
            data.Add(name);
        }

        return data;
    }

    private static CommandHelp Page(string command)
    {
        var path = Path.Combine(RepoPaths.Docs, command + ".md");
        Assert.True(File.Exists(path), $"{command} has no help page at docs/en-US/{command}.md");
        return HelpMarkdown.ParseFile(path);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Page_follows_the_platyPS_schema_and_matches_the_real_parameters(string command)
    {
        var page = Page(command);
        var parameters = _ps.Invoke($"(Get-Command {command}).Parameters.Keys").Output.Select(o => o.ToString()!).ToList();
        Assert.NotEmpty(parameters);
        var problems = HelpValidator.Validate(page, parameters, expectedName: command, minimumExamples: 2);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
