using System.Buffers;
using System.Text.Json;

namespace Fluxum.Benchmarks;

/// <summary>
/// The recorded Binance combined-stream frames (../shared/fixtures/binance-spot/ws beside the repository), as the
/// UTF-8 bytes a socket delivers. The trade fixture is stored indented; a socket carries it compact, so every
/// frame is re-written without whitespace (numbers and strings keep their exact text).
/// </summary>
public static class StreamFrames
{
    public const string Depth = "combined_depthUpdate.json";
    public const string Trade = "combined_trade_ETHUSDT.json";
    public const string AggTrade = "combined_aggTrade.json";

    public static string RepoRoot { get; } = FindRoot();

    public static string Folder => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures", "binance-spot", "ws"));

    public static byte[] Load(string name)
    {
        var raw = File.ReadAllBytes(Path.Combine(Folder, name));
        using var doc = JsonDocument.Parse(raw);
        var buffer = new ArrayBufferWriter<byte>(raw.Length);
        using (var w = new Utf8JsonWriter(buffer)) doc.RootElement.WriteTo(w);
        return buffer.WrittenSpan.ToArray();
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Fluxum.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "src"))) return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Fluxum.psd1) was not found above " + AppContext.BaseDirectory + ".");
    }
}
