using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Fluxum.PowerShell.Tests.Support;

/// <summary>
/// A real PowerShell 7.6 runspace (the SMA package hosted in-process) with Fluxum imported from out/Fluxum by
/// its manifest, as a user would. Only engine cmdlets exist here (no Select-Object, Export-Csv).
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession(bool importModule = true)
    {
        var iss = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows()) iss.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        _runspace = RunspaceFactory.CreateRunspace(iss);
        _runspace.Open();
        if (importModule)
        {
            ImportResult = Invoke($"Import-Module '{RepoPaths.Manifest}' -ErrorAction Stop");
            ImportResult.AssertClean();
        }
    }

    /// <summary>What Import-Module produced (it should be nothing at all).</summary>
    public ScriptResult? ImportResult { get; }

    public Runspace Runspace => _runspace;

    public ScriptResult Invoke(string script, IDictionary<string, object?>? variables = null)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        if (variables is not null)
        {
            foreach (var (name, value) in variables) _runspace.SessionStateProxy.SetVariable(name, value);
        }

        ps.AddScript(script);
        var clock = Stopwatch.StartNew();
        Exception? terminating = null;
        var output = new List<PSObject>();
        try
        {
            output.AddRange(ps.Invoke());
        }
        catch (RuntimeException e)
        {
            terminating = e;
        }

        return Collect(ps, output, terminating, clock.Elapsed);
    }

    /// <summary>Starts a script, lets it run until <paramref name="stopWhen"/> holds or the wait ends, then stops it as Ctrl+C would.</summary>
    public (ScriptResult Result, TimeSpan StopTook) InvokeAndStop(string script, Func<PSDataCollection<PSObject>, bool> stopWhen, TimeSpan maxWait)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        var output = new PSDataCollection<PSObject>();
        var clock = Stopwatch.StartNew();
        var async = ps.BeginInvoke<PSObject, PSObject>(null, output);
        while (clock.Elapsed < maxWait && !stopWhen(output) && !async.IsCompleted) Thread.Sleep(5);
        var stopClock = Stopwatch.StartNew();
        ps.Stop();
        var stopTook = stopClock.Elapsed;
        Exception? terminating = null;
        try
        {
            ps.EndInvoke(async);
        }
        catch (Exception e)
        {
            terminating = e;
        }

        return (Collect(ps, output.ToList(), terminating, clock.Elapsed), stopTook);
    }

    private static ScriptResult Collect(System.Management.Automation.PowerShell ps, List<PSObject> output, Exception? terminating, TimeSpan elapsed) => new()
    {
        Output = output,
        Errors = ps.Streams.Error.ToList(),
        Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList(),
        Warnings = ps.Streams.Warning.Select(w => w.Message).ToList(),
        Debug = ps.Streams.Debug.Select(d => d.Message).ToList(),
        Progress = ps.Streams.Progress.ToList(),
        Information = ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? "").ToList(),
        Terminating = terminating,
        Elapsed = elapsed,
    };

    /// <summary>Sets <c>$cred</c> (or <paramref name="variable"/>) to a PSCredential of an API key and secret, as a user builds one.</summary>
    public ScriptResult DefineCredential(string key, string secret, string variable = "cred") =>
        Invoke($"${variable} = [pscredential]::new('{key}', [System.Net.NetworkCredential]::new('', '{secret}').SecurePassword)");

    public void Dispose() => _runspace.Dispose();
}
