namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// Sends live book diffs to depth subscribers: each diff at once on @depth@100ms, merged over the slow interval on
/// @depth; and applies the depth faults (Gap, Duplicate, Reorder) to the next diffs of a stream that has
/// subscribers, so every subscriber of that stream sees the same broken sequence. Each symbol's diffs arrive on
/// its own book loop, one at a time.
/// </summary>
internal sealed class DepthFeed(Func<IEnumerable<StreamConnection>> connections, TestExchangeOptions options)
{
    private readonly object _sync = new();
    private readonly List<(StreamFault Fault, int Left)> _faults = new();
    private readonly Dictionary<string, Channel> _channels = new(StringComparer.Ordinal);

    public void Add(StreamFault fault)
    {
        lock (_sync) _faults.Add((fault, Math.Max(1, fault.Times)));
    }

    public void Clear()
    {
        lock (_sync) _faults.Clear();
    }

    public IReadOnlyList<(StreamFault Fault, int Left)> Pending
    {
        get
        {
            lock (_sync) return _faults.ToList();
        }
    }

    public void OnChanged(LiveBook book, LiveDiff diff)
    {
        var s = book.Symbol;
        var lower = s.Symbol.ToLowerInvariant();
        Emit(lower + "@depth@100ms", s, fast: true, diff);

        var slow = ChannelOf(lower + "@depth");
        slow.Pending = slow.Pending is { } p ? LiveDiff.Merge(p, diff) : diff;
        var now = Environment.TickCount64;
        if (now - slow.LastFlushMs < (long)options.StreamDepthSlowInterval.TotalMilliseconds) return;
        slow.LastFlushMs = now;
        var merged = slow.Pending;
        slow.Pending = null;
        Emit(lower + "@depth", s, fast: false, merged);
    }

    private void Emit(string name, BinanceSymbol symbol, bool fast, LiveDiff diff)
    {
        var channel = ChannelOf(name);
        var targets = new List<(StreamConnection Connection, string Stream)>();
        foreach (var c in connections())
        {
            foreach (var sub in c.Subscriptions)
            {
                if (sub.Market is { Kind: StreamKind.Depth } m && m.Symbol == symbol && m.Fast == fast) targets.Add((c, sub.Name));
            }
        }

        if (targets.Count == 0)
        {
            channel.Held = null;
            return;
        }

        void Send(LiveDiff d)
        {
            var data = MarketEvents.DepthUpdate(symbol, d);
            foreach (var (c, stream) in targets) c.Enqueue(c.Frame(stream, data));
        }

        if (Take(name, StreamFaultKind.Gap)) return;
        if (channel.Held is { } held)
        {
            channel.Held = null;
            Send(diff);
            Send(held);
            return;
        }

        if (Take(name, StreamFaultKind.Reorder))
        {
            channel.Held = diff;
            return;
        }

        Send(diff);
        if (Take(name, StreamFaultKind.Duplicate)) Send(diff);
    }

    private bool Take(string stream, StreamFaultKind kind)
    {
        lock (_sync)
        {
            for (int k = 0; k < _faults.Count; k++)
            {
                var (fault, left) = _faults[k];
                if (fault.Kind != kind || (fault.Stream is { } s && !stream.Contains(s, StringComparison.OrdinalIgnoreCase))) continue;
                if (left <= 1) _faults.RemoveAt(k);
                else _faults[k] = (fault, left - 1);
                return true;
            }

            return false;
        }
    }

    private Channel ChannelOf(string name)
    {
        lock (_sync)
        {
            if (!_channels.TryGetValue(name, out var c)) _channels[name] = c = new Channel { LastFlushMs = Environment.TickCount64 };
            return c;
        }
    }

    /// <summary>Per stream name: the diff held back by a Reorder, and (slow streams) the diffs merged since the last send.</summary>
    private sealed class Channel
    {
        public LiveDiff? Held { get; set; }
        public LiveDiff? Pending { get; set; }
        public long LastFlushMs { get; set; }
    }
}
