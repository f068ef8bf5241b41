using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Fluxum.TestExchange;
using Fluxum.Try;

// Runs one PowerShell command line with the built Fluxum module imported, printing what PowerShell would.
// Usage: dotnet run --project tools/Fluxum.Try -- [--offline] "<command line>"
var offline = args.Contains("--offline");
var script = string.Join(' ', args.Where(a => a != "--offline"));
if (string.IsNullOrWhiteSpace(script))
{
    Console.Error.WriteLine("Usage: Fluxum.Try [--offline] \"Get-FxDepth BTCUSDT -Limit 5\"");
    return 2;
}

var manifest = FindManifest();
if (manifest is null)
{
    Console.Error.WriteLine("out/Fluxum/Fluxum.psd1 was not found: run `dotnet build Fluxum.slnx` first.");
    return 2;
}

await using var exchange = offline ? await TestExchangeServer.StartAsync() : null;
if (exchange is not null)
{
    var url = exchange.BaseUri.ToString().TrimEnd('/');
    Environment.SetEnvironmentVariable("FLUXUM_BINANCE_REST_URL", url);
    Environment.SetEnvironmentVariable("FLUXUM_KRAKEN_REST_URL", url);
    Environment.SetEnvironmentVariable("FLUXUM_BINANCE_WS_URL", exchange.WebSocketUri.ToString());
    Environment.SetEnvironmentVariable("FLUXUM_KRAKEN_WS_URL", exchange.WebSocketUri.ToString());
    Console.WriteLine($"(offline: the local test exchange at {url})");
}

var host = new ConsoleHost(Console.Out, Math.Max(Console.IsOutputRedirected ? 160 : Console.WindowWidth, 80), colours: !Console.IsOutputRedirected);
using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
runspace.Open();
using (var setup = PowerShell.Create())
{
    setup.Runspace = runspace;
    setup.AddScript($"Import-Module '{manifest.Replace("'", "''")}' -ErrorAction Stop");
    setup.Invoke();
    if (setup.HadErrors)
    {
        foreach (var e in setup.Streams.Error) Console.Error.WriteLine("ERROR: " + e);
        return 1;
    }
}

using var ps = PowerShell.Create();
ps.Runspace = runspace;
ps.AddScript(script);

// Every stream into the output, in order, so Out-Default renders errors, warnings and verbose lines as pwsh does.
ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.All, PipelineResultTypes.Output);
ps.AddCommand("Out-Default");
try
{
    ps.Invoke();
}
catch (RuntimeException e)
{
    Console.Error.WriteLine("ERROR: " + e.Message);
    return 1;
}

return ps.HadErrors ? 1 : 0;

static string? FindManifest()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "out", "Fluxum", "Fluxum.psd1");
            if (File.Exists(path)) return path;
        }
    }

    return null;
}
