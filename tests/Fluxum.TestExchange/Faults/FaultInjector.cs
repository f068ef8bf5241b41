namespace Fluxum.TestExchange;

/// <summary>Faults waiting for matching requests, consumed in the order they were added.</summary>
public sealed class FaultInjector
{
    private readonly object _sync = new();
    private readonly List<(Fault Fault, int Left)> _pending = new();

    public void Add(Fault fault)
    {
        lock (_sync) _pending.Add((fault, Math.Max(1, fault.Times)));
    }

    public void Clear()
    {
        lock (_sync) _pending.Clear();
    }

    public int Pending
    {
        get
        {
            lock (_sync) return _pending.Sum(p => p.Left);
        }
    }

    /// <summary>The fault for this request, if one is waiting; it is counted as used.</summary>
    internal Fault? Take(string path)
    {
        lock (_sync)
        {
            for (int i = 0; i < _pending.Count; i++)
            {
                var (fault, left) = _pending[i];
                if (!path.StartsWith(fault.PathPrefix, StringComparison.OrdinalIgnoreCase)) continue;
                if (left <= 1) _pending.RemoveAt(i);
                else _pending[i] = (fault, left - 1);
                return fault;
            }

            return null;
        }
    }
}
