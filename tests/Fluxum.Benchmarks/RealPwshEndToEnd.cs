using System.Diagnostics;
using System.Globalization;
using Fluxum.TestExchange;

namespace Fluxum.Benchmarks;

/// <summary>
/// `-- e2e-realpwsh [trades] [runs] [manifest]`: the burst of `e2e` read by what a user types in the real pwsh 7.6.9
/// of the repository's tool manifest: `(Watch-FxTrade BTCUSDT -Count N | Measure-Object).Count`. Each run is a new
/// pwsh process; the clock starts when the exchange sends the burst (after the command subscribed, so pwsh start-up
/// and Import-Module are not in the figure) and stops when pwsh prints its count. Every run must deliver every
/// trade; the count is printed beside the time. The bare-socket yardstick runs first, against the same server.
/// </summary>
public static class RealPwshEndToEnd
{
    private const string Stream = "btcusdt@trade";

    public static async Task<int> RunAsync(string[] args)
    {
        var trades = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6;
        var manifest = args.Length > 2 ? Path.GetFullPath(args[2]) : Path.Combine(StreamFrames.RepoRoot, "out", "Fluxum", "Fluxum.psd1");

        var options = new TestExchangeOptions { StreamTradeInterval = TimeSpan.FromHours(1) };
        await using var server = await TestExchangeServer.StartAsync(options);
        Console.WriteLine($"e2e-realpwsh: {trades:N0} trades a run, {runs} runs (the first is warm-up), module {manifest}, " +
                          $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        await EndToEnd.RawAsync(server, trades, 3);

        // The stream's one periodic trade comes first, then the burst: -Count is N + 1.
        var count = trades + 1;
        var script = $"Import-Module '{manifest}' -ErrorAction Stop; (Watch-FxTrade BTCUSDT -Count {count} -Duration 00:02:00 | Measure-Object).Count";
        var results = new List<(double Ms, long Delivered)>();
        var allDelivered = true;
        for (int r = 0; r <= runs; r++)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = StreamFrames.RepoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "tool", "run", "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", script }) start.ArgumentList.Add(a);
            start.Environment["FLUXUM_BINANCE_REST_URL"] = server.BaseUri.AbsoluteUri.TrimEnd('/');
            start.Environment["FLUXUM_BINANCE_WS_URL"] = server.WebSocketUri.AbsoluteUri;

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var line = process.StandardOutput.ReadLineAsync();
            if (!await server.BinanceStreams.WaitForAsync(c => c.Count == 1 && c[0].Subscriptions.Contains(Stream), TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Watch-FxTrade did not subscribe to {Stream}: {await error}");
            }

            var clock = Stopwatch.StartNew();
            if (server.BinanceStreams.Burst(Stream, trades) != 1) throw new InvalidOperationException("The burst reached no single subscription.");
            var text = await line.WaitAsync(TimeSpan.FromMinutes(3));
            var elapsed = clock.Elapsed.TotalMilliseconds;
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var delivered))
            {
                throw new InvalidOperationException($"pwsh ended with {process.ExitCode} and printed '{text}': {await error}");
            }

            allDelivered &= delivered == count;
            Console.WriteLine($"{(r == 0 ? "warm-up" : $"run {r}")}: {delivered:N0} of {count:N0} trades delivered in {elapsed:N0} ms");
            if (r > 0) results.Add((elapsed, delivered));
            await server.BinanceStreams.WaitForAsync(c => c.Count == 0, TimeSpan.FromSeconds(10));
        }

        var sorted = results.Select(x => x.Ms).Order().ToArray();
        Console.WriteLine($"median of {sorted.Length}: {sorted[sorted.Length / 2]:N0} ms (min {sorted[0]:N0}, max {sorted[^1]:N0}); every run delivered every trade: {allDelivered}");
        return allDelivered ? 0 : 1;
    }
}
