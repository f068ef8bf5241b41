using System.Reflection;

namespace Fluxum.Pester.Tests.Support;

/// <summary>Where the repository, its Pester files and the Pester package restored by the build are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string PesterFolder => Path.Combine(Root, "tests", "Pester");
    public static string Manifest => Path.Combine(Root, "out", "Fluxum", "Fluxum.psd1");

    /// <summary>Pester.psd1 inside the NuGet package the project's PackageDownload restored.</summary>
    public static string PesterManifest { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PesterManifest").Value!;

    /// <summary>Pester's result files: under the repository's TestResults/ (ignored by git), never in the tree.</summary>
    public static string Results => Path.Combine(Root, "TestResults", "Pester");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fluxum.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Fluxum.psd1) was not found above the test folder.");
    }
}
