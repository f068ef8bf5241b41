namespace Fluxum.PowerShell.Tests.Support;

/// <summary>Where the repository and the built module are, found from the test's own folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string ModuleFolder => Path.Combine(Root, "out", "Fluxum");
    public static string Manifest => Path.Combine(ModuleFolder, "Fluxum.psd1");
    public static string Docs => Path.Combine(Root, "docs", "en-US");

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
