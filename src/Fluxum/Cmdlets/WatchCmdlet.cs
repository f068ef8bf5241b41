using System.Diagnostics;
using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Completion;
using Fluxum.Diagnostics;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// The base of the Watch-Fx* commands: streams run on background tasks into a <see cref="StreamBridge"/>, and
/// this thread writes what arrives until -Count objects were written, -Duration passed (checked after every
/// object, so a slow pipeline cannot hold the command past it), the stream gave up, or the pipeline stopped
/// (Ctrl+C, Select-Object -First): then the sockets are closed before the command returns.
/// </summary>
public abstract class WatchCmdlet : MarketDataCmdlet
{
    /// <summary>
    /// Items a slow pipeline may fall behind by; past them the sessions stop reading their sockets until it has
    /// caught up to half (back-pressure: nothing is dropped, and the exchange's TCP buffers hold the rest).
    /// </summary>
    private const int BufferCapacity = 10_000;

    /// <summary>Stops after writing this many objects.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; }

    /// <summary>Stops after this long (e.g. 00:05:00, or 300 for seconds).</summary>
    [Parameter]
    [SecondsTransformation]
    [NonNegativeTimeSpan]
    public TimeSpan Duration { get; set; }

    /// <summary>
    /// Streams until one of the stop conditions: every function in <paramref name="streams"/> runs on its own
    /// task (one per exchange) and publishes into the bridge.
    /// </summary>
    internal void Watch(IReadOnlyList<Func<IStreamSink, CancellationToken, Task>> streams, object? target)
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Duration)) && Duration <= TimeSpan.Zero)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("Fluxum.InvalidDuration", "-Duration must be longer than zero.", Duration));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        var bridge = new StreamBridge(BufferCapacity);
        var tasks = streams.Select(run => Task.Run(async () =>
        {
            using (FxLog.Use(bridge))
            {
                await run(bridge, linked.Token).ConfigureAwait(false);
            }
        }, linked.Token)).ToArray();
        // The first stream to give up ends the command: the others would otherwise run on with the failure unsaid.
        static Exception? FailureOf(Task t) => t.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException);
        foreach (var task in tasks)
        {
            _ = task.ContinueWith(t =>
            {
                if (FailureOf(t) is { } failure) bridge.Complete(failure);
            }, TaskScheduler.Default);
        }

        // Carries the failure too: the continuations above may run after this one.
        _ = Task.WhenAll(tasks).ContinueWith(t => bridge.Complete(FailureOf(t)), TaskScheduler.Default);
        var clock = Stopwatch.StartNew();
        var ended = false;
        try
        {
            Drain(bridge, clock, target, linked.Token);
            ended = true;
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            // Ctrl+C or the end of the pipeline: end quietly.
        }
        catch (FxException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, target));
        }
        finally
        {
            linked.Cancel();
            CompleteProgress();
            try
            {
                // The sessions close their sockets (normally, within a short timeout) on cancellation; this waits for that.
                Task.WaitAll(tasks, TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
            }
        }

        // What the sessions said while closing (gaps, counts) is still worth writing when the command ended on its own.
        if (ended) EndReport(bridge);
    }

    /// <summary>Whether an object the stream delivered is one the user asked for (-Type); others are passed over.</summary>
    protected virtual bool Wanted(object item) => true;

    private void Drain(StreamBridge bridge, Stopwatch clock, object? target, CancellationToken ct)
    {
        var written = 0;
        var hasDuration = MyInvocation.BoundParameters.ContainsKey(nameof(Duration));
        bool Due() => hasDuration && clock.Elapsed >= Duration;
        while (true)
        {
            if (Due()) return;
            WriteMessages(bridge);
            while (bridge.TryTake() is { } item)
            {
                if (!Wanted(item)) continue;
                Emit(item);
                if (Count > 0 && ++written >= Count) return;

                // The pipeline may take longer per object than the stream sends them: the deadline is checked
                // between objects, never only once the buffer runs dry.
                if (Due()) return;
                WriteMessages(bridge);
            }

            if (bridge.IsDrained || bridge.Failure is not null)
            {
                // A failure ends the command at once: what other streams still send would only hide it.
                WriteMessages(bridge);
                switch (bridge.Failure)
                {
                    case FxException failure:
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                        break;
                    case { } bug:
                        // A bug of ours, not the exchange's: still an ErrorRecord (the stack inside), not a crash of the host.
                        ThrowTerminatingError(ErrorRecords.Unexpected(bug, target));
                        break;
                }

                return;
            }

            var wait = TimeSpan.FromMilliseconds(250);
            if (hasDuration)
            {
                var left = Duration - clock.Elapsed;
                if (left <= TimeSpan.Zero) return;
                if (left < wait) wait = left;
            }

            bridge.Wait(wait, ct);
            WriteDueProgress();
        }
    }

    private void WriteMessages(StreamBridge bridge)
    {
        while (bridge.TryTakeMessage(out var message)) message.WriteTo(this);
        while (bridge.Buffer.TryTakeGap(out var gap)) WriteWarning(gap.ToString());
    }

    /// <summary>The last messages, and what was lost if anything was: the only loss a stream has is a gap.</summary>
    private void EndReport(StreamBridge bridge)
    {
        WriteMessages(bridge);
        var gaps = bridge.Buffer.GapCount;
        if (gaps > 0)
        {
            WriteWarning($"The stream had {gaps} gap{(gaps == 1 ? "" : "s")} (listed above): events in {(gaps == 1 ? "it" : "them")} were missed while a connection was down. " +
                "Get-FxTrade and Get-FxCandle can fill them from the exchange's history.");
        }

        if (bridge.Buffer.Pauses > 0)
        {
            WriteVerbose($"The pipeline fell behind {bridge.Buffer.Pauses} times; reading paused until it caught up (at most {bridge.Buffer.MostQueued} objects waited).");
        }
    }
}

/// <summary>A Watch-Fx* command over market symbols: symbols from arguments and the pipeline share one connection per exchange.</summary>
public abstract class WatchMarketCmdlet : WatchCmdlet
{
    private readonly List<(ExchangeId Exchange, TradingEnvironment Environment, string Symbol)> _wanted = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Symbol { get; set; } = Array.Empty<string>();

    /// <summary>The stream this command asks for, for the given symbols.</summary>
    internal abstract StreamRequest CreateRequest(IReadOnlyList<string> symbols);

    protected override void ProcessRecord()
    {
        foreach (var s in Symbol) _wanted.Add((Exchange, Environment, s));
    }

    protected override void EndProcessing()
    {
        var streams = new List<Func<IStreamSink, CancellationToken, Task>>();
        foreach (var group in _wanted.GroupBy(w => (w.Exchange, w.Environment)))
        {
            var (exchange, environment) = group.Key;
            var known = KnownSymbols(exchange, environment, group.Select(w => w.Symbol).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
            if (known.Count == 0) continue;
            var request = CreateRequest(known);
            streams.Add((sink, ct) => Engine.GetStreams(exchange, environment).RunAsync(request, sink, ct));
        }

        if (streams.Count > 0) Watch(streams, _wanted.Count == 1 ? _wanted[0].Symbol : null);
    }

    /// <summary>
    /// The symbols the exchange lists; each unknown one is a non-terminating error of its own, so one typo among
    /// many symbols does not stop the others from streaming.
    /// </summary>
    private List<string> KnownSymbols(ExchangeId exchange, TradingEnvironment environment, IReadOnlyList<string> symbols)
    {
        var known = new List<string>();
        Run(async (bridge, ct) =>
        {
            var catalog = await Engine.GetMarketData(exchange, environment).GetSymbolsAsync(ct).ConfigureAwait(false);
            foreach (var s in symbols)
            {
                if (catalog.TryResolve(s, out _)) known.Add(s);
                else bridge.Error(catalog.NotFound(s), s);
            }
        }, exchange);
        return known;
    }
}
