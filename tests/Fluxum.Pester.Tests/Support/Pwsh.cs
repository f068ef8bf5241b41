using System.Diagnostics;
using System.Text;

namespace Fluxum.Pester.Tests.Support;

/// <summary>
/// The real pwsh 7.6.9 from the repository's local tool manifest (.config/dotnet-tools.json), restored on first
/// use so a fresh clone needs nothing but the .NET SDK.
/// </summary>
internal static class Pwsh
{
    private static readonly Lazy<Task> Restored = new(() => RunAsync(["tool", "restore"], new Dictionary<string, string?>(), TimeSpan.FromMinutes(5))
        .ContinueWith(t =>
        {
            var (exit, text) = t.Result;
            if (exit != 0) throw new InvalidOperationException($"dotnet tool restore failed ({exit}):\n{text}");
        }, TaskScheduler.Default));

    /// <summary>Runs pwsh with these arguments from the repository root; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        await Restored.Value.ConfigureAwait(false);
        return await RunAsync(["tool", "run", "pwsh", .. arguments], environment, timeout).ConfigureAwait(false);
    }

    private static async Task<(int, string)> RunAsync(string[] dotnetArguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in dotnetArguments) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = new Process { StartInfo = start };
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.Start();
        // No console to answer a prompt: a script that asks must fail, not wait.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
            lock (text) text.AppendLine($"(killed after {timeout})");
            return (-1, text.ToString());
        }

        process.WaitForExit(); // drains the redirected output
        lock (text) return (process.ExitCode, text.ToString());
    }
}
