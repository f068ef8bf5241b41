using System.Text.Json;

namespace Fluxum.Tests.Support;

/// <summary>The real recorded exchange data in ../shared/fixtures beside the repository.</summary>
internal static class Fixtures
{
    public static string Root { get; } = Find();

    public static string Text(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public static JsonDocument Json(string relative) => JsonDocument.Parse(Text(relative));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate) && dir.GetFiles("*.md").Length == 0 && Directory.Exists(Path.Combine(dir.FullName, "shared")))
            {
                return candidate;
            }

            var sibling = Path.Combine(dir.FullName, "..", "shared", "fixtures");
            if (File.Exists(Path.Combine(dir.FullName, "Fluxum.psd1")) && Directory.Exists(sibling)) return Path.GetFullPath(sibling);
        }

        throw new DirectoryNotFoundException("../shared/fixtures was not found beside the repository.");
    }
}
