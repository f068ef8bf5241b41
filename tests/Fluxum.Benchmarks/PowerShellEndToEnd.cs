using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Fluxum.TestExchange;

namespace Fluxum.Benchmarks;

/// <summary>
/// `-- e2e-pwsh [trades] [runs] [manifest]`: the same burst as `e2e`, read by a PowerShell pipeline
/// (`Watch-FxTrade BTCUSDT -Count N | ForEach-Object { $n++ }`) in a PowerShell 7.6 runspace hosted in this process,
/// with the module imported by its manifest (default out/Fluxum/Fluxum.psd1, as `dotnet build Fluxum.slnx` lays it
/// out). Timed from the burst request until the pipeline has returned, the command's own shutdown included. A
/// last run also takes each trade's latency inside the pipeline, which costs the pipeline time of its own.
/// </summary>
public static class PowerShellEndToEnd
{
    private const string Stream = "btcusdt@trade";

    public static async Task<int> RunAsync(string[] args)
    {
        var trades = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        var manifest = args.Length > 2 ? Path.GetFullPath(args[2]) : Path.Combine(StreamFrames.RepoRoot, "out", "Fluxum", "Fluxum.psd1");

        var options = new TestExchangeOptions { StreamTradeInterval = TimeSpan.FromHours(1) };
        await using var server = await TestExchangeServer.StartAsync(options);
        EndToEnd.PointEngineAt(server);
        Console.WriteLine($"e2e-pwsh: {trades:N0} trades a run, {runs} runs (the first is warm-up), module {manifest}");

        var iss = InitialSessionState.CreateDefault2();
        using var runspace = RunspaceFactory.CreateRunspace(iss);
        runspace.Open();
        Invoke(runspace, $"Import-Module '{manifest}' -ErrorAction Stop");

        // The stream's one periodic trade arrives first, then the burst: -Count is N + 1.
        var count = trades + 1;
        var plain = $"$n = 0; Watch-FxTrade BTCUSDT -Count {count} -Duration 00:00:30 | ForEach-Object {{ $n++ }}; $n";
        var timed = $"$lat = [System.Collections.Generic.List[long]]::new({count}); " +
                    $"Watch-FxTrade BTCUSDT -Count {count} -Duration 00:00:30 | ForEach-Object {{ $lat.Add([DateTimeOffset]::UtcNow.UtcTicks - $_.Time.UtcTicks) }}; " +
                    "$sorted = $lat.ToArray(); [Array]::Sort($sorted); $sorted";
        var measured = new List<(TimeSpan Elapsed, long Items)>();
        for (int r = 0; r <= runs; r++)
        {
            var withLatency = r == runs;
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(withLatency ? timed : plain);
            GC.Collect();
            var async = ps.BeginInvoke();
            if (!await server.BinanceStreams.WaitForAsync(c => c.Count == 1 && c[0].Subscriptions.Contains(Stream), TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("Watch-FxTrade did not subscribe to " + Stream + ".");
            }

            var clock = Stopwatch.StartNew();
            server.BinanceStreams.Burst(Stream, trades);
            var output = await Task.Factory.FromAsync(async, ps.EndInvoke);
            var elapsed = clock.Elapsed;
            foreach (var w in ps.Streams.Warning) Console.WriteLine("  warning: " + w.Message);
            foreach (var e in ps.Streams.Error) Console.WriteLine("  error: " + e);
            var name = r == 0 ? "warm-up" : withLatency ? "with latency" : $"run {r}";
            if (withLatency)
            {
                var ticks = output.Select(o => (long)o.BaseObject).ToArray();
                var latency = EndToEnd.Latency.Of(ticks, ticks.Length);
                Console.WriteLine($"{name}: {ticks.Length:N0} trades in {elapsed.TotalMilliseconds:N0} ms = {ticks.Length / elapsed.TotalSeconds:N0} msgs/s; latency {latency}");
            }
            else
            {
                var items = output.Count == 1 ? Convert.ToInt64(output[0].BaseObject, CultureInfo.InvariantCulture) : -1;
                Console.WriteLine($"{name}: {items:N0} trades in {elapsed.TotalMilliseconds:N0} ms = {items / elapsed.TotalSeconds:N0} msgs/s");
                if (r > 0) measured.Add((elapsed, items));
            }

            await server.BinanceStreams.WaitForAsync(c => c.Count == 0, TimeSpan.FromSeconds(10));
        }

        if (measured.Count > 0)
        {
            var median = measured.OrderBy(m => m.Elapsed).ElementAt(measured.Count / 2);
            Console.WriteLine($"median of {measured.Count}: {median.Items:N0} trades in {median.Elapsed.TotalMilliseconds:N0} ms = {median.Items / median.Elapsed.TotalSeconds:N0} msgs/s");
        }

        return 0;
    }

    private static void Invoke(Runspace runspace, string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        ps.Invoke();
        if (ps.HadErrors) throw new InvalidOperationException(string.Join(Environment.NewLine, ps.Streams.Error));
    }
}
