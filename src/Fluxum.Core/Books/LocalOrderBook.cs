using Fluxum.Models;

namespace Fluxum.Books;

/// <summary>What applying a diff did to the book.</summary>
public enum DiffResult
{
    Applied,

    /// <summary>Older than the book: ignored, as the exchanges' algorithms say.</summary>
    Stale,

    /// <summary>A missing update: the book is no longer trustworthy and must be rebuilt from a snapshot.</summary>
    Gap,

    /// <summary>The best bid reached the best ask: the book is wrong and must be rebuilt.</summary>
    Crossed,
}

/// <summary>How consecutive diffs prove that none is missing.</summary>
public enum SequenceRule
{
    /// <summary>Binance spot: a diff covers [U, u]; the first after a snapshot straddles lastUpdateId + 1, each later one starts at the last u + 1.</summary>
    FirstLast,

    /// <summary>Binance futures: each diff names the previous diff's u (pu); the first after a snapshot has U &lt;= lastUpdateId &lt;= u.</summary>
    PreviousLast,
}

/// <summary>
/// A locally maintained order book: a snapshot, then diffs with update-id continuity by the exchange's rule.
/// Any gap or crossing marks it invalid; an invalid book is never handed out as if it were right.
/// </summary>
public sealed class LocalOrderBook
{
    private readonly BookSideLevels _bids = new(isBid: true);
    private readonly BookSideLevels _asks = new(isBid: false);
    private bool _firstDiffPending;

    public LocalOrderBook(ExchangeId exchange, string symbol, string nativeSymbol, SequenceRule rule = SequenceRule.FirstLast)
    {
        Rule = rule;
        Exchange = exchange;
        Symbol = symbol;
        NativeSymbol = nativeSymbol;
    }

    public SequenceRule Rule { get; }
    public ExchangeId Exchange { get; }
    public string Symbol { get; }
    public string NativeSymbol { get; }
    public long LastUpdateId { get; private set; }
    public bool IsValid { get; private set; }
    public int Resyncs { get; private set; }
    public DateTimeOffset Time { get; private set; }
    public BookSideLevels Bids => _bids;
    public BookSideLevels Asks => _asks;

    /// <summary>Replaces the whole book (never merges with stale levels).</summary>
    public void LoadSnapshot(long lastUpdateId, IEnumerable<(decimal Price, decimal Quantity)> bids, IEnumerable<(decimal Price, decimal Quantity)> asks,
        DateTimeOffset time)
    {
        if (LastUpdateId != 0 || _bids.Count > 0 || _asks.Count > 0) Resyncs++;
        _bids.Clear();
        _asks.Clear();
        foreach (var (p, q) in bids) _bids.Set(p, q);
        foreach (var (p, q) in asks) _asks.Set(p, q);
        LastUpdateId = lastUpdateId;
        Time = time;
        _firstDiffPending = true;
        IsValid = !IsCrossed;
    }

    public DiffResult ApplyDiff(DepthDiff diff) =>
        ApplyDiff(diff.FirstUpdateId, diff.LastUpdateId, diff.Bids, diff.Asks, diff.EventTime, diff.PreviousUpdateId);

    /// <summary>Applies a diff covering update ids [firstUpdateId, lastUpdateId] (futures also give the previous diff's last id).</summary>
    public DiffResult ApplyDiff(long firstUpdateId, long lastUpdateId, ReadOnlySpan<(decimal Price, decimal Quantity)> bids,
        ReadOnlySpan<(decimal Price, decimal Quantity)> asks, DateTimeOffset time, long? previousUpdateId = null)
    {
        bool continuous;
        if (Rule == SequenceRule.FirstLast)
        {
            if (lastUpdateId <= LastUpdateId) return DiffResult.Stale;
            continuous = _firstDiffPending
                ? firstUpdateId <= LastUpdateId + 1 && lastUpdateId >= LastUpdateId + 1
                : firstUpdateId == LastUpdateId + 1;
        }
        else
        {
            if (lastUpdateId < LastUpdateId || (!_firstDiffPending && lastUpdateId == LastUpdateId)) return DiffResult.Stale;
            continuous = _firstDiffPending
                ? firstUpdateId <= LastUpdateId && lastUpdateId >= LastUpdateId
                : previousUpdateId == LastUpdateId;
        }

        if (!continuous || !IsValid)
        {
            IsValid = false;
            return DiffResult.Gap;
        }

        Apply(bids, asks, time);
        LastUpdateId = lastUpdateId;
        _firstDiffPending = false;
        return CheckCrossed();
    }

    /// <summary>
    /// For exchanges whose updates carry no sequence (Kraken): applies the levels, keeps at most
    /// <paramref name="depth"/> a side, and checks the result against the exchange's checksum when one is given.
    /// </summary>
    public DiffResult ApplyLevels(ReadOnlySpan<(decimal Price, decimal Quantity)> bids, ReadOnlySpan<(decimal Price, decimal Quantity)> asks,
        DateTimeOffset time, int depth = int.MaxValue, Func<BookSideLevels, BookSideLevels, uint>? checksum = null, uint? expected = null)
    {
        if (!IsValid) return DiffResult.Gap;
        Apply(bids, asks, time);
        _bids.Truncate(depth);
        _asks.Truncate(depth);
        if (checksum is not null && expected is { } want && checksum(_bids, _asks) != want)
        {
            IsValid = false;
            return DiffResult.Gap;
        }

        return CheckCrossed();
    }

    private void Apply(ReadOnlySpan<(decimal Price, decimal Quantity)> bids, ReadOnlySpan<(decimal Price, decimal Quantity)> asks, DateTimeOffset time)
    {
        foreach (var (p, q) in bids) _bids.Set(p, q);
        foreach (var (p, q) in asks) _asks.Set(p, q);
        Time = time;
    }

    /// <summary>A crossed book is wrong, whatever the sequence said: it stops being valid.</summary>
    private DiffResult CheckCrossed()
    {
        if (!IsCrossed) return DiffResult.Applied;
        IsValid = false;
        return DiffResult.Crossed;
    }

    /// <summary>Marks the book as no longer trustworthy (its connection dropped): it must be rebuilt from a snapshot before it is read.</summary>
    public void Invalidate() => IsValid = false;

    public bool IsCrossed => _bids.BestPrice is { } b && _asks.BestPrice is { } a && b >= a;

    /// <summary>The top <paramref name="depth"/> levels as the model object; throws when the book is not valid.</summary>
    public OrderBook ToOrderBook(int depth = int.MaxValue)
    {
        if (!IsValid) throw new InvalidOperationException($"The {Exchange} {Symbol} book is out of sync and must be rebuilt before it is read.");
        return new OrderBook(Exchange, Symbol, NativeSymbol, LastUpdateId, Time, Levels(_bids, BookSide.Bid, depth), Levels(_asks, BookSide.Ask, depth))
        {
            Resyncs = Resyncs,
        };
    }

    private BookLevel[] Levels(BookSideLevels side, BookSide which, int depth)
    {
        var n = Math.Min(depth, side.Count);
        var levels = new BookLevel[n];
        for (int k = 0; k < n; k++)
        {
            var (p, q) = side[k];
            levels[k] = new BookLevel(Exchange, Symbol, which, p, q);
        }

        return levels;
    }
}
