using Fluxum.Pester.Tests.Support;
using Xunit.Abstractions;

namespace Fluxum.Pester.Tests;

/// <summary>
/// Each tests/Pester/*.Tests.ps1 file run by Pester in the real pwsh 7.6.9 against the built module and a
/// local test exchange: one xunit test per file, failing with Pester's own report when any Pester test fails.
/// </summary>
public sealed class PesterFileTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.PesterFolder, "*.Tests.ps1").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Pester_file_passes_in_the_real_pwsh(string file)
    {
        Assert.True(File.Exists(RepoPaths.Manifest), $"{RepoPaths.Manifest} is missing: dotnet build lays out the module.");
        Assert.True(File.Exists(RepoPaths.PesterManifest), $"{RepoPaths.PesterManifest} is missing: the build restores Pester through NuGet.");
        Directory.CreateDirectory(RepoPaths.Results);

        await using var exchange = await PesterExchange.StartAsync();
        var runner = Path.Combine(AppContext.BaseDirectory, "Invoke-PesterFile.ps1");
        var resultFile = Path.Combine(RepoPaths.Results, Path.GetFileNameWithoutExtension(file) + ".xml");
        var (exit, text) = await Pwsh.RunAsync(
            ["-NoLogo", "-NoProfile", "-NonInteractive", "-File", runner,
             "-Path", Path.Combine(RepoPaths.PesterFolder, file), "-Pester", RepoPaths.PesterManifest, "-ResultFile", resultFile],
            exchange.Environment(), TimeSpan.FromMinutes(10));

        output.WriteLine(text);
        Assert.True(exit == 0, $"Pester reported failures in {file} (exit code {exit}):\n{text}");
    }
}
