using System.Diagnostics;
using System.Globalization;
using Fluxum.Engine;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.TestExchange;

namespace Fluxum.Benchmarks;

/// <summary>
/// `-- e2e [trades] [runs]`: the local test exchange's Binance trade stream to Trade objects in a C# sink, through
/// the whole engine (FluxumEngine.GetStreams(Binance).RunAsync: StreamSession on ClientWebSocket, the protocol).
/// The server and the client share this process and its 2 cores. Each run asks the server for a burst of N trades
/// back to back on an open connection and times from that request until the sink has counted all N. Then a trickle
/// (one trade per server tick, about every 10 ms) measures the latency of a trade that does not queue behind others.
/// BenchmarkDotNet does not fit: a run is one long operation against a server whose state it changes.
/// </summary>
public static class EndToEnd
{
    private const string Stream = "btcusdt@trade";

    public static async Task<int> RunAsync(string[] args)
    {
        var trades = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var trickle = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;

        // One periodic trade per hour: after the first, only bursts are sent.
        var options = new TestExchangeOptions { StreamTradeInterval = TimeSpan.FromHours(1) };
        await using var server = await TestExchangeServer.StartAsync(options);
        PointEngineAt(server);
        Console.WriteLine($"e2e: {trades:N0} trades a run, {runs} runs (the first is warm-up), server {server.BaseUri}, {Environment.ProcessorCount} cores, " +
                          $"server GC {System.Runtime.GCSettings.IsServerGC}, .NET {Environment.Version}");

        // The server alone: a bare ClientWebSocket that counts frames and parses nothing, the ceiling for any client here.
        await RawAsync(server, trades, Math.Min(runs, 3));

        var engine = new FluxumEngine();
        var request = new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTCUSDT" } };
        var sink = new TradeSink(Math.Max(trades, trickle));
        using (var cts = new CancellationTokenSource())
        {
            sink.Arm(1);
            var running = engine.GetStreams(ExchangeId.Binance).RunAsync(request, sink, cts.Token);
            await sink.WaitAsync(TimeSpan.FromSeconds(30), running);

            var results = new List<Result>();
            for (int r = 0; r < runs; r++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var gen0 = GC.CollectionCount(0);
                var allocated = GC.GetTotalAllocatedBytes(precise: false);
                sink.Arm(trades);
                var clock = Stopwatch.StartNew();
                if (server.BinanceStreams.Burst(Stream, trades) != 1) throw new InvalidOperationException("The burst reached no single subscription.");
                await sink.WaitAsync(TimeSpan.FromSeconds(120), running);
                var elapsed = clock.Elapsed;
                var result = new Result(r == 0 ? "warm-up" : $"run {r}", trades, elapsed, sink.Latencies(), GC.CollectionCount(0) - gen0,
                    (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (double)trades);
                Console.WriteLine(result);
                if (r > 0) results.Add(result);
            }

            cts.Cancel();
            await Swallow(running);
            if (results.Count > 0)
            {
                var median = results.OrderBy(x => x.Elapsed).ElementAt(results.Count / 2);
                Console.WriteLine($"median of {results.Count}: {median}");
            }
        }

        if (trickle > 0)
        {
            // A new connection: its pump starts due at once and, at 1 ms, sends one trade per 10 ms tick, each stamped as it is made.
            server.Options.StreamTradeInterval = TimeSpan.FromMilliseconds(1);
            using var cts = new CancellationTokenSource();
            sink.Arm(trickle);
            var clock = Stopwatch.StartNew();
            var running = engine.GetStreams(ExchangeId.Binance).RunAsync(request, sink, cts.Token);
            await sink.WaitAsync(TimeSpan.FromSeconds(120), running);
            Console.WriteLine(new Result("trickle", trickle, clock.Elapsed, sink.Latencies(), 0, 0).LatencyOnly());
            cts.Cancel();
            await Swallow(running);
        }

        return 0;
    }

    internal static async Task RawAsync(TestExchangeServer server, int trades, int runs)
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri(server.WebSocketUri, "stream?streams=" + Stream), CancellationToken.None);
        var buffer = new byte[64 * 1024];
        async Task<int> Read(int frames)
        {
            var bytes = 0;
            for (int n = 0; n < frames;)
            {
                var r = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                bytes += r.Count;
                if (r.EndOfMessage) n++;
            }

            return bytes;
        }

        await Read(1);
        for (int r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            server.BinanceStreams.Burst(Stream, trades);
            var bytes = await Read(trades);
            var elapsed = clock.Elapsed;
            Console.WriteLine($"raw socket {(r == 0 ? "warm-up" : $"run {r}")}: {trades:N0} frames ({bytes / (double)trades:N0} B each) in {elapsed.TotalMilliseconds:N0} ms = {trades / elapsed.TotalSeconds:N0} msgs/s");
        }

        await socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await server.BinanceStreams.WaitForAsync(c => c.Count == 0, TimeSpan.FromSeconds(10));
    }

    /// <summary>The engine reads these when it makes its Binance client: REST (symbols) and the stream base.</summary>
    public static void PointEngineAt(TestExchangeServer server)
    {
        Environment.SetEnvironmentVariable("FLUXUM_BINANCE_REST_URL", server.BaseUri.AbsoluteUri.TrimEnd('/'));
        Environment.SetEnvironmentVariable("FLUXUM_BINANCE_WS_URL", server.WebSocketUri.AbsoluteUri);
    }

    private static async Task Swallow(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public sealed record Result(string Name, int Trades, TimeSpan Elapsed, Latency Latency, int Gen0, double BytesPerTrade)
    {
        public double PerSecond => Trades / Elapsed.TotalSeconds;

        public override string ToString() =>
            $"{Name}: {Trades:N0} trades in {Elapsed.TotalMilliseconds:N0} ms = {PerSecond:N0} msgs/s; latency {Latency}; " +
            $"gen0 GCs {Gen0}, {BytesPerTrade:N0} B allocated per trade (server and client)";

        public string LatencyOnly() => $"{Name}: {Trades:N0} trades over {Elapsed.TotalSeconds:N1} s; latency {Latency}";
    }

    public readonly record struct Latency(double P50Ms, double P99Ms, double MaxMs)
    {
        public static Latency Of(long[] ticks, int count)
        {
            if (count == 0) return default;
            var sorted = ticks.AsSpan(0, count).ToArray();
            Array.Sort(sorted);
            double Ms(double q) => sorted[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)] / (double)TimeSpan.TicksPerMillisecond;
            return new Latency(Ms(0.50), Ms(0.99), sorted[count - 1] / (double)TimeSpan.TicksPerMillisecond);
        }

        public override string ToString() => $"p50 {P50Ms:N1} ms, p99 {P99Ms:N1} ms, max {MaxMs:N1} ms";
    }

    /// <summary>
    /// Counts trades and keeps each one's receive latency: now minus the trade's time (the server stamps it from the
    /// same machine clock, in whole milliseconds). Called on the socket's receive thread, one frame at a time.
    /// </summary>
    private sealed class TradeSink(int capacity) : IStreamSink
    {
        private readonly long[] _latencies = new long[capacity];
        private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;
        private int _target;

        public void Arm(int target)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _target, target);
            Volatile.Write(ref _count, 0);
        }

        public void Publish(object item)
        {
            if (item is not Trade trade) return;
            var n = _count;
            if (n < _latencies.Length) _latencies[n] = DateTimeOffset.UtcNow.UtcTicks - trade.Time.UtcTicks;
            Volatile.Write(ref _count, ++n);
            if (n == Volatile.Read(ref _target)) _done.TrySetResult();
        }

        public void PublishLatest(ExchangeId exchange, string symbol, object item)
        {
        }

        public ValueTask WaitForRoomAsync(CancellationToken ct) => ValueTask.CompletedTask;

        public void ReportGap(StreamGap gap) => Console.WriteLine("  gap: " + gap);

        public async Task WaitAsync(TimeSpan timeout, Task running)
        {
            var finished = await Task.WhenAny(_done.Task, running, Task.Delay(timeout));
            if (finished == running) await running;
            if (finished != _done.Task) throw new TimeoutException($"The sink counted {Volatile.Read(ref _count):N0} of {_target:N0} trades in {timeout}.");
        }

        public Latency Latencies() => Latency.Of(_latencies, Math.Min(Volatile.Read(ref _count), _latencies.Length));
    }
}
