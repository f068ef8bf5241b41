using System.Management.Automation;

namespace Fluxum.PowerShell.Tests.Support;

/// <summary>Everything a script line produced, stream by stream.</summary>
public sealed class ScriptResult
{
    public required IReadOnlyList<PSObject> Output { get; init; }
    public required IReadOnlyList<ErrorRecord> Errors { get; init; }
    public required IReadOnlyList<string> Verbose { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    public required IReadOnlyList<string> Debug { get; init; }
    public required IReadOnlyList<ProgressRecord> Progress { get; init; }
    public required IReadOnlyList<string> Information { get; init; }

    /// <summary>A terminating error, if the script stopped with one.</summary>
    public Exception? Terminating { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>All text any stream produced, for searching (e.g. for a secret that must not appear).</summary>
    public string AllText =>
        string.Join("\n", Output.Select(o => o?.ToString()).Concat(Errors.Select(e => e.ToString() + " " + e.Exception?.ToString()))
            .Concat(Verbose).Concat(Warnings).Concat(Debug).Concat(Information)
            .Concat(Progress.Select(p => p.Activity + " " + p.StatusDescription))
            .Append(Terminating?.ToString()));

    public T Base<T>(int index = 0) => (T)Output[index].BaseObject;

    public void AssertClean()
    {
        Assert.True(Terminating is null, "terminating error: " + Terminating);
        Assert.True(Errors.Count == 0, "errors: " + string.Join("; ", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
    }
}
