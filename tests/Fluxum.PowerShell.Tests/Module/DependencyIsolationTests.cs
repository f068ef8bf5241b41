using System.Runtime.Loader;
using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Module;

/// <summary>
/// Another module's System.Reactive (6.0.1 here) already in the session does not stop Fluxum from streaming,
/// and Fluxum's own copy (the version Websocket.Client brings) does not replace it: each lives in its own load context.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class DependencyIsolationTests
{
    [Fact]
    public void A_different_System_Reactive_loaded_first_still_works_and_Fluxum_streams_with_its_own()
    {
        var other = Path.Combine(AppContext.BaseDirectory, "System.Reactive.dll");
        Assert.Equal(new Version(6, 0, 0, 0), System.Reflection.AssemblyName.GetAssemblyName(other).Version);

        using var ps = new PowerShellSession(importModule: false);
        var before = ps.Invoke($$"""
            $null = [System.Reflection.Assembly]::LoadFrom('{{other}}')
            [System.Reactive.Linq.Observable].Assembly.GetName().Version.ToString()
            """);
        before.AssertClean();
        Assert.Equal("6.0.0.0", before.Output.Single().ToString());

        ps.Invoke($"Import-Module '{RepoPaths.Manifest}' -ErrorAction Stop").AssertClean();
        var streamed = ps.Invoke("Watch-FxTrade BTCUSDT -Count 3");
        streamed.AssertClean();
        Assert.Equal(3, streamed.Output.Count);

        // The first copy still answers, and is still the one the session's scripts see.
        var after = ps.Invoke("""
            $list = [System.Collections.Generic.List[int]]::new()
            $null = [System.ObservableExtensions]::Subscribe([System.Reactive.Linq.Observable]::Range(1, 3), [Action[int]]{ param($x) $list.Add($x) })
            $list -join ','
            [System.Reactive.Linq.Observable].Assembly.GetName().Version.ToString()
            """);
        after.AssertClean();
        Assert.Equal(new[] { "1,2,3", "6.0.0.0" }, after.Output.Select(o => o.ToString()));

        var engineContext = AssemblyLoadContext.All.Single(c => c.Assemblies.Any(a => a.GetName().Name == "Fluxum.Engine"));
        var engineReactive = engineContext.Assemblies.Single(a => a.GetName().Name == "System.Reactive");
        Assert.NotEqual(AssemblyLoadContext.Default, engineContext);
        Assert.StartsWith(Path.Combine(Path.GetDirectoryName(RepoPaths.Manifest)!, "Dependencies"), engineReactive.Location);
        var defaultReactive = AssemblyLoadContext.Default.Assemblies.Single(a => a.GetName().Name == "System.Reactive");
        Assert.NotSame(defaultReactive, engineReactive);
        Assert.NotEqual(defaultReactive.Location, engineReactive.Location);

        // Same assembly version (System.Reactive keeps 6.0.0.0 across 6.x), different builds: 6.0.1 here, Websocket.Client's in the engine.
        Assert.StartsWith("6.0.1", System.Diagnostics.FileVersionInfo.GetVersionInfo(defaultReactive.Location).FileVersion);
        Assert.DoesNotMatch("^6\\.0\\.1", System.Diagnostics.FileVersionInfo.GetVersionInfo(engineReactive.Location).FileVersion ?? "");
    }
}
