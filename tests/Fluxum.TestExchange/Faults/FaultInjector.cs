namespace Fluxum.TestExchange;

/// <summary>Faults waiting for matching requests, consumed in the order they were added; thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly object _sync = new();
    private readonly List<Entry> _pending = new();

    public void Add(Fault f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Times < 1) throw new ArgumentOutOfRangeException(nameof(f), f.Times, "A fault applies to at least one request.");
        if (string.IsNullOrEmpty(f.PathPrefix) || f.PathPrefix[0] != '/')
        {
            throw new ArgumentException($"The path prefix '{f.PathPrefix}' must start with '/'.", nameof(f));
        }

        lock (_sync) _pending.Add(new Entry(f, f.Times));
    }

    public void Clear()
    {
        lock (_sync) _pending.Clear();
    }

    /// <summary>Requests still to be faulted, over all waiting faults.</summary>
    public int Pending
    {
        get
        {
            lock (_sync) return _pending.Sum(e => e.Left);
        }
    }

    internal IReadOnlyList<(Fault Fault, int Left)> Snapshot()
    {
        lock (_sync) return _pending.Select(e => (e.Fault, e.Left)).ToList();
    }

    /// <summary>The first waiting fault matching the request, counted as used; null when none.</summary>
    internal Fault? Take(string method, string path)
    {
        lock (_sync)
        {
            for (int i = 0; i < _pending.Count; i++)
            {
                var entry = _pending[i];
                if (!entry.Fault.Matches(method, path)) continue;
                if (--entry.Left == 0) _pending.RemoveAt(i);
                return entry.Fault;
            }

            return null;
        }
    }

    private sealed class Entry(Fault fault, int left)
    {
        public Fault Fault { get; } = fault;
        public int Left { get; set; } = left;
    }
}
