using Fluxum.HelpGen;
using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Help;

/// <summary>Every command has a platyPS page that matches its real parameters, and Get-Help shows it.</summary>
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

    [Theory]
    [MemberData(nameof(Commands))]
    public void Get_Help_shows_the_pages_synopsis_examples_and_parameter_text(string command)
    {
        var page = Page(command);
        var r = _ps.Invoke($"""
            $h = Get-Help {command} -Full
            $h.Synopsis
            @($h.examples.example).Count
            ($h.parameters.parameter | ForEach-Object {"{"} $_.name + '=' + (($_.description | ForEach-Object Text) -join ' ') {"}"}) -join "`n"
            """);
        r.AssertClean();
        Assert.Equal(Normalise(page.Synopsis), Normalise(r.Output[0].ToString()!));
        Assert.Equal(page.Examples.Count, (int)r.Output[1].BaseObject);
        var described = r.Output[2].ToString()!.Split('\n');
        foreach (var p in page.Parameters)
        {
            Assert.Contains(described, d => d.StartsWith(p.Name + "=", StringComparison.Ordinal) && d.Length > p.Name.Length + 1);
        }

        var examples = _ps.Invoke($"(Get-Help {command} -Examples).examples.example | ForEach-Object code");
        Assert.Equal(page.Examples.Select(e => Normalise(e.Code)), examples.Output.Select(o => Normalise(o.ToString()!)));
    }

    [Fact]
    public void About_topic_is_found()
    {
        var r = _ps.Invoke("Get-Help about_Fluxum | ForEach-Object { $_.ToString() }");
        r.AssertClean();
        var text = string.Join("\n", r.Output.Select(o => o?.ToString()));
        Assert.Contains("FLUXUM_BINANCE_REST_URL", text);
        Assert.Contains("$PSDefaultParameterValues", text);
    }

    private static string Normalise(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
