using System.Collections.Concurrent;
using System.Net.WebSockets;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// The Binance WebSocket side of the server as tests see it: the open connections and what they hold, the live
/// books behind the depth streams (now and at an earlier update id), faults on demand and trade bursts.
/// </summary>
public sealed class BinanceStreams
{
    private const int ClosedKept = 1000;
    private readonly ConcurrentDictionary<long, StreamConnection> _connections = new();
    private readonly ConcurrentQueue<ClosedStreamConnection> _closed = new();
    private readonly TestExchangeOptions _options;
    private readonly ExchangeClock _clock;
    private readonly CancellationToken _stopping;
    private long _nextId;
    private long _accepted;

    internal BinanceStreams(TestExchangeOptions options, ExchangeClock clock, CancellationToken stopping)
    {
        _options = options;
        _clock = clock;
        _stopping = stopping;
        Books = new LiveBooks(options, clock, stopping);
        Depth = new DepthFeed(() => _connections.Values, options);
        Books.Changed += Depth.OnChanged;
        stopping.Register(() =>
        {
            // Open sockets would hold the host's shutdown for its whole timeout.
            foreach (var c in _connections.Values) c.Abort();
        });
    }

    internal LiveBooks Books { get; }
    internal DepthFeed Depth { get; }
    internal ConnectionRefusals Refusals { get; } = new();
    internal TestExchangeOptions Options => _options;
    internal ExchangeClock Clock => _clock;

    /// <summary>WebSocket connections accepted since the server started (market streams and the WebSocket API).</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _accepted);

    public int ConnectionsOpen => _connections.Count;

    /// <summary>Upgrade attempts answered 503 by RefuseConnections faults.</summary>
    public long ConnectionsRefused => Refusals.Refused;

    /// <summary>The open connections, oldest first.</summary>
    public IReadOnlyList<StreamConnectionInfo> Connections => _connections.Values.OrderBy(c => c.Id).Select(c => c.Info()).ToList();

    /// <summary>The connections that have ended, oldest first (the last 1000): how each client closed.</summary>
    public IReadOnlyList<ClosedStreamConnection> ClosedConnections => _closed.ToList();

    /// <summary>Waits until the open connections satisfy the condition (e.g. "one holds btcusdt@depth again"); false on timeout.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<StreamConnectionInfo>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Connections))
        {
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(10);
        }

        return true;
    }

    /// <summary>
    /// Applies a fault. Drop, Malformed, Silence and PlannedDisconnect act on the matching open connections now and
    /// return how many; DuplicateTrade marks the matching trade subscriptions and returns how many; Gap, Duplicate and Reorder wait for the next diffs of a matching depth stream, and
    /// RefuseConnections for the next upgrades (both return 0).
    /// </summary>
    public int Inject(StreamFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        switch (fault.Kind)
        {
            case StreamFaultKind.Gap or StreamFaultKind.Duplicate or StreamFaultKind.Reorder:
                Depth.Add(fault);
                return 0;
            case StreamFaultKind.RefuseConnections:
                Refusals.Add(fault);
                return 0;
        }

        var matching = _connections.Values.Where(c => c.Matches(fault)).ToList();
        var nowMs = _clock.Now.ToUnixTimeMilliseconds();
        foreach (var c in matching)
        {
            switch (fault.Kind)
            {
                case StreamFaultKind.Drop:
                    c.Abort();
                    break;
                case StreamFaultKind.Malformed:
                    c.Enqueue(MarketEvents.Truncated);
                    var stream = c.Subscriptions.FirstOrDefault()?.Name ?? "btcusdt@trade";
                    c.Enqueue(c.Frame(stream, MarketEvents.Unknown(nowMs)));
                    break;
                case StreamFaultKind.Silence:
                    c.Gate.SilenceFor(fault.Duration > TimeSpan.Zero ? fault.Duration : TimeSpan.FromSeconds(5));
                    break;
                case StreamFaultKind.PlannedDisconnect:
                    c.Enqueue(MarketEvents.ServerShutdown(nowMs));
                    c.Close(WebSocketCloseStatus.NormalClosure, "Server shutdown");
                    break;
            }
        }

        if (fault.Kind == StreamFaultKind.DuplicateTrade)
        {
            // Per trade subscription, not per connection: each matching trade stream repeats its next trade.
            var subscriptions = matching.SelectMany(c => c.Subscriptions)
                .Where(s => s.Market is { Kind: StreamKind.Trade or StreamKind.AggTrade } && (fault.Stream is not { } st || s.Name.Contains(st, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            foreach (var s in subscriptions) s.DuplicateNext();
            return subscriptions.Count;
        }

        return matching.Count;
    }

    /// <summary>Forgets the depth faults and connection refusals still waiting.</summary>
    public void ClearFaults()
    {
        Depth.Clear();
        Refusals.Clear();
    }

    /// <summary>Waiting depth faults (with the diffs each still applies to) and refusals.</summary>
    public IReadOnlyList<string> PendingFaults =>
        Depth.Pending.Select(p => $"{p.Fault} x{p.Left}").Concat(Enumerable.Repeat("RefuseConnections", Refusals.Pending)).ToList();

    /// <summary>
    /// Makes every open subscription to a trade or aggTrade stream (e.g. "btcusdt@trade") send
    /// <paramref name="count"/> more trades back to back, ids increasing by one, as fast as each socket takes them.
    /// Returns the subscriptions reached.
    /// </summary>
    public int Burst(string stream, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var reached = 0;
        foreach (var c in _connections.Values)
        {
            if (c.Find(stream) is { Market.Kind: StreamKind.Trade or StreamKind.AggTrade } sub)
            {
                sub.AddBurst(count);
                reached++;
            }
        }

        return reached;
    }

    /// <summary>The live book of a symbol ("BTCUSDT") now; null when no depth stream ever started one.</summary>
    public LiveBookState? CurrentBook(string symbol, int depth = 1000) => Books.Find(symbol)?.Current(depth);

    /// <summary>
    /// The live book right after update <paramref name="updateId"/> (a snapshot's lastUpdateId or a diff's u); null
    /// when there is no live book, the id is older than the kept history, or it falls inside a diff.
    /// </summary>
    public LiveBookState? BookAt(string symbol, long updateId, int depth = 1000) => Books.Find(symbol)?.At(updateId, depth);

    /// <summary>Starts the live book of a symbol without a subscriber (REST depth serves it from then on).</summary>
    public LiveBookState StartLiveBook(string symbol, int depth = 1000) =>
        Books.GetOrCreate(BinanceMarkets.Find(symbol) ?? throw new ArgumentException($"'{symbol}' is not served.", nameof(symbol))).Current(depth);

    internal StreamConnection Open(HttpContext http, WebSocket socket, bool combined)
    {
        var gate = http.Items[GatedUpgrade.GateKey] as SilenceGate ?? new SilenceGate();
        var c = new StreamConnection(Interlocked.Increment(ref _nextId), http, socket, gate, combined, _options.StreamMaxQueuedFrames, _stopping);
        _connections[c.Id] = c;
        Interlocked.Increment(ref _accepted);
        return c;
    }

    internal void Closed(StreamConnection c)
    {
        if (!_connections.TryRemove(c.Id, out _)) return;
        _closed.Enqueue(c.Ended());
        while (_closed.Count > ClosedKept) _closed.TryDequeue(out _);
    }

    internal IEnumerable<StreamConnection> Open() => _connections.Values;

    /// <summary>A market subscription with its pump positioned at now; depth and book tickers start the symbol's live book.</summary>
    internal Subscription NewSubscription(StreamName name)
    {
        var i = name.Symbol.Instrument;
        if (name.Kind is StreamKind.Depth or StreamKind.PartialDepth or StreamKind.BookTicker) Books.GetOrCreate(name.Symbol);
        return new Subscription(name.Name, name)
        {
            NextSlot = TradeTape.LastSlot(i, _clock.Now) + 1,
            NextDueMs = Environment.TickCount64,
        };
    }
}
