using BenchmarkDotNet.Attributes;
using Fluxum.Books;

namespace Fluxum.Benchmarks;

/// <summary>
/// Ten-level depth events applied to a 1,000-level book: Fluxum's book against a plain SortedDictionary book
/// (the usual baseline). One benchmark operation applies 10,000 events; divide for per-event figures.
/// </summary>
[MemoryDiagnoser]
public class BookApplyBenchmarks
{
    public const int EventsPerOperation = 10_000;
    private DepthStream _stream = null!;
    private BookSideLevels _bids = null!;
    private BookSideLevels _asks = null!;
    private BookSideLevelsBefore _beforeBids = null!;
    private BookSideLevelsBefore _beforeAsks = null!;
    private SortedDictionary<decimal, decimal> _baselineBids = null!;
    private SortedDictionary<decimal, decimal> _baselineAsks = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stream = new DepthStream(EventsPerOperation);
        _bids = new BookSideLevels(isBid: true, capacity: 4096);
        _asks = new BookSideLevels(isBid: false, capacity: 4096);
        _beforeBids = new BookSideLevelsBefore(isBid: true, capacity: 4096);
        _beforeAsks = new BookSideLevelsBefore(isBid: false, capacity: 4096);
        _baselineBids = new SortedDictionary<decimal, decimal>(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));
        _baselineAsks = new SortedDictionary<decimal, decimal>();
        Load();
    }

    /// <summary>
    /// The snapshot, loaded once: each invocation then replays the same event stream over the book it left,
    /// which settles into a steady size. (A per-iteration reset would force one invocation per iteration and
    /// leave the JIT's first tier in the measurement.)
    /// </summary>
    private void Load()
    {
        _bids.Clear();
        _asks.Clear();
        _beforeBids.Clear();
        _beforeAsks.Clear();
        _baselineBids.Clear();
        _baselineAsks.Clear();
        foreach (var (p, q) in _stream.SnapshotBids)
        {
            _bids.Set(p, q);
            _beforeBids.Set(p, q);
            _baselineBids[p] = q;
        }

        foreach (var (p, q) in _stream.SnapshotAsks)
        {
            _asks.Set(p, q);
            _beforeAsks.Set(p, q);
            _baselineAsks[p] = q;
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerOperation)]
    public decimal SortedDictionaryBook()
    {
        foreach (var changes in _stream.Events)
        {
            foreach (var (bid, price, quantity) in changes)
            {
                var side = bid ? _baselineBids : _baselineAsks;
                if (quantity == 0) side.Remove(price);
                else side[price] = quantity;
            }
        }

        return _baselineBids.Count + _baselineAsks.Count;
    }

    [Benchmark(OperationsPerInvoke = EventsPerOperation)]
    public decimal FluxumBook()
    {
        foreach (var changes in _stream.Events)
        {
            foreach (var (bid, price, quantity) in changes) (bid ? _bids : _asks).Set(price, quantity);
        }

        return _bids.Count + _asks.Count;
    }

    /// <summary>The book before the 2026-11-23 speed work (a frozen copy), for a before/after in one run.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerOperation)]
    public decimal FluxumBookBefore()
    {
        foreach (var changes in _stream.Events)
        {
            foreach (var (bid, price, quantity) in changes) (bid ? _beforeBids : _beforeAsks).Set(price, quantity);
        }

        return _beforeBids.Count + _beforeAsks.Count;
    }
}
