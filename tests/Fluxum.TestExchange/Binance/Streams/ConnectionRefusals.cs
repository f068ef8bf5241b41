namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>RefuseConnections faults: upgrades answered 503 for a number of attempts or until a moment.</summary>
internal sealed class ConnectionRefusals
{
    private readonly object _sync = new();
    private readonly List<Entry> _entries = new();
    private long _refused;

    public long Refused => Interlocked.Read(ref _refused);

    public void Add(StreamFault fault)
    {
        lock (_sync)
        {
            _entries.Add(fault.Duration > TimeSpan.Zero
                ? new Entry(fault.Path, int.MaxValue, DateTimeOffset.UtcNow + fault.Duration)
                : new Entry(fault.Path, Math.Max(1, fault.Times), DateTimeOffset.MaxValue));
        }
    }

    public void Clear()
    {
        lock (_sync) _entries.Clear();
    }

    public int Pending
    {
        get
        {
            lock (_sync) return _entries.Count(e => e.Until > DateTimeOffset.UtcNow);
        }
    }

    /// <summary>True when this upgrade attempt must be refused (and counts it).</summary>
    public bool TryRefuse(string path)
    {
        lock (_sync)
        {
            var now = DateTimeOffset.UtcNow;
            _entries.RemoveAll(e => e.Until <= now || e.Left <= 0);
            var entry = _entries.FirstOrDefault(e => e.Path is null || path.StartsWith(e.Path, StringComparison.OrdinalIgnoreCase));
            if (entry is null) return false;
            entry.Left--;
            Interlocked.Increment(ref _refused);
            return true;
        }
    }

    private sealed class Entry(string? path, int left, DateTimeOffset until)
    {
        public string? Path { get; } = path;
        public int Left { get; set; } = left;
        public DateTimeOffset Until { get; } = until;
    }
}
