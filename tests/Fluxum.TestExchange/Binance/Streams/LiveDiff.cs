namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>One depth diff of a live book: update ids [First, Last], the changed levels (ticks, lot steps; 0 removes).</summary>
internal sealed record LiveDiff(long First, long Last, long TimeMs, (long Ticks, long Steps)[] Bids, (long Ticks, long Steps)[] Asks)
{
    /// <summary>Two consecutive diffs as one, later sizes winning: what a slower depth stream sends.</summary>
    public static LiveDiff Merge(LiveDiff a, LiveDiff b) => new(a.First, b.Last, b.TimeMs, Combine(a.Bids, b.Bids, descending: true), Combine(a.Asks, b.Asks, descending: false));

    private static (long, long)[] Combine((long Ticks, long Steps)[] a, (long Ticks, long Steps)[] b, bool descending)
    {
        var merged = new Dictionary<long, long>();
        foreach (var (t, s) in a) merged[t] = s;
        foreach (var (t, s) in b) merged[t] = s;
        var list = merged.Select(p => (p.Key, p.Value)).ToList();
        list.Sort((x, y) => descending ? y.Key.CompareTo(x.Key) : x.Key.CompareTo(y.Key));
        return list.ToArray();
    }
}
