using System.Text;

namespace Fluxum.Commands.Csv;

/// <summary>The -Encoding names Export-Csv takes; UTF-8 without a byte order mark by default, as in PowerShell 7.</summary>
public static class FxCsvEncoding
{
    public static Encoding Get(string? name) => (name ?? "utf8NoBOM").ToLowerInvariant() switch
    {
        "utf8bom" => new UTF8Encoding(true),
        "ascii" => Encoding.ASCII,
        "unicode" => Encoding.Unicode,
        "bigendianunicode" => Encoding.BigEndianUnicode,
        "utf32" => Encoding.UTF32,
        _ => new UTF8Encoding(false),
    };
}
