using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// A stateful book for one symbol, seeded from the generated book when its first depth stream is subscribed. Each
/// step changes a few levels near the top (sizes, removals, new levels, the touch moving toward the generated
/// price), never crossing, advances the update id and keeps the diff; REST depth then serves this book, so a
/// snapshot and the diffs line up as on Binance. The oldest kept state plus the kept diffs rebuild any recent state.
/// </summary>
internal sealed class LiveBook
{
    private static readonly IComparer<long> Descending = Comparer<long>.Create((a, b) => b.CompareTo(a));
    private readonly object _sync = new();
    private readonly SortedDictionary<long, long> _bids = new(Descending);
    private readonly SortedDictionary<long, long> _asks = new();
    private readonly SortedDictionary<long, long> _baseBids = new(Descending);
    private readonly SortedDictionary<long, long> _baseAsks = new();
    private readonly Queue<LiveDiff> _history = new();
    private readonly int _historyCapacity;
    private readonly Random _random;
    private long _baseId;
    private long _lastUpdateId;

    public LiveBook(BinanceSymbol symbol, DateTimeOffset now, long lastUpdateId, int levels, int history)
    {
        Symbol = symbol;
        _historyCapacity = Math.Max(1, history);
        _random = new Random((int)(symbol.Instrument.BookSeed ^ (ulong)lastUpdateId));
        var (bids, asks) = OrderBookModel.Build(symbol.Instrument, now, levels);
        for (int k = 0; k < bids.Count; k++) _bids[bids.Ticks[k]] = bids.Steps[k];
        for (int k = 0; k < asks.Count; k++) _asks[asks.Ticks[k]] = asks.Steps[k];
        foreach (var (t, s) in _bids) _baseBids[t] = s;
        foreach (var (t, s) in _asks) _baseAsks[t] = s;
        LastUpdateId = _baseId = lastUpdateId;
    }

    public BinanceSymbol Symbol { get; }

    private Instrument I => Symbol.Instrument;

    public long LastUpdateId
    {
        get
        {
            lock (_sync) return _lastUpdateId;
        }
        private set => _lastUpdateId = value;
    }

    /// <summary>Changes a few levels; null when the book is empty (a halted market does not move).</summary>
    public LiveDiff? Step(DateTimeOffset now)
    {
        lock (_sync)
        {
            if (_bids.Count < 2 || _asks.Count < 2) return null;
            var bidChanges = new Dictionary<long, long>();
            var askChanges = new Dictionary<long, long>();
            var operations = _random.Next(1, 5);
            for (int n = 0; n < operations; n++)
            {
                var bid = _random.Next(2) == 0;
                var (side, changes) = bid ? (_bids, bidChanges) : (_asks, askChanges);
                var r = _random.NextDouble();
                if (r < 0.15) MoveTouch(now, bidChanges, askChanges);
                else if (r < 0.55) Resize(side, changes);
                else if (r < 0.78) Remove(side, changes);
                else Insert(side, changes, bid);
            }

            if (bidChanges.Count + askChanges.Count == 0) return null;
            var first = LastUpdateId + 1;
            var last = LastUpdateId + operations + _random.Next(0, 3);
            LastUpdateId = last;
            var diff = new LiveDiff(first, last, now.ToUnixTimeMilliseconds(),
                bidChanges.OrderByDescending(p => p.Key).Select(p => (p.Key, p.Value)).ToArray(),
                askChanges.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToArray());
            _history.Enqueue(diff);
            while (_history.Count > _historyCapacity)
            {
                var old = _history.Dequeue();
                Apply(_baseBids, _baseAsks, old);
                _baseId = old.Last;
            }

            return diff;
        }
    }

    /// <summary>The top levels (for REST depth) and the update id they are at.</summary>
    public (BookSide Bids, BookSide Asks, long LastUpdateId) Top(int limit)
    {
        lock (_sync) return (Side(_bids, limit), Side(_asks, limit), LastUpdateId);
    }

    public LiveBookState Current(int depth)
    {
        lock (_sync) return State(_bids, _asks, LastUpdateId, depth);
    }

    /// <summary>The book right after update <paramref name="updateId"/>; null when that id is out of the kept history or falls inside a diff.</summary>
    public LiveBookState? At(long updateId, int depth)
    {
        lock (_sync)
        {
            if (updateId == LastUpdateId) return State(_bids, _asks, LastUpdateId, depth);
            if (updateId < _baseId || updateId > LastUpdateId) return null;
            if (updateId != _baseId && !_history.Any(d => d.Last == updateId)) return null;
            var bids = new SortedDictionary<long, long>(_baseBids, Descending);
            var asks = new SortedDictionary<long, long>(_baseAsks);
            foreach (var d in _history)
            {
                if (d.Last > updateId) break;
                Apply(bids, asks, d);
            }

            return State(bids, asks, updateId, depth);
        }
    }

    /// <summary>The best bid and ask (ticks, steps); null when a side is empty.</summary>
    public ((long Ticks, long Steps) Bid, (long Ticks, long Steps) Ask, long UpdateId)? Touch()
    {
        lock (_sync)
        {
            if (_bids.Count == 0 || _asks.Count == 0) return null;
            var b = _bids.First();
            var a = _asks.First();
            return ((b.Key, b.Value), (a.Key, a.Value), LastUpdateId);
        }
    }

    private void MoveTouch(DateTimeOffset now, Dictionary<long, long> bidChanges, Dictionary<long, long> askChanges)
    {
        var bestBid = _bids.First().Key;
        var bestAsk = _asks.First().Key;
        var target = I.BidTicks(now.ToUnixTimeSeconds());
        var up = bestBid < target || (bestBid == target && _random.Next(2) == 0);
        if (up)
        {
            // A bid inside the spread, or the best ask taken out and replaced by a bid at its price.
            if (bestAsk - bestBid > 1) Set(_bids, bidChanges, bestBid + 1, NewSize());
            else if (_asks.Count > 2)
            {
                Set(_asks, askChanges, bestAsk, 0);
                Set(_bids, bidChanges, bestAsk, NewSize());
            }
        }
        else
        {
            if (bestAsk - bestBid > 1) Set(_asks, askChanges, bestAsk - 1, NewSize());
            else if (_bids.Count > 2)
            {
                Set(_bids, bidChanges, bestBid, 0);
                Set(_asks, askChanges, bestBid, NewSize());
            }
        }
    }

    private void Resize(SortedDictionary<long, long> side, Dictionary<long, long> changes)
    {
        var (ticks, steps) = NearTop(side);
        var lot = I.BookLotSteps;
        var resized = Math.Max(lot, (long)Math.Round(steps * (0.4 + 1.2 * _random.NextDouble()) / lot) * lot);
        if (resized == steps) resized += lot;
        Set(side, changes, ticks, resized);
    }

    private void Remove(SortedDictionary<long, long> side, Dictionary<long, long> changes)
    {
        // Thin books keep their levels so the top twenty always exist.
        if (side.Count <= 50) return;
        Set(side, changes, NearTop(side).Ticks, 0);
    }

    private void Insert(SortedDictionary<long, long> side, Dictionary<long, long> changes, bool bid)
    {
        var k = _random.Next(0, Math.Min(20, side.Count - 1));
        var pair = side.Skip(k).Take(2).Select(p => p.Key).ToArray();
        var gap = Math.Abs(pair[1] - pair[0]);
        if (gap <= 1) return;
        var offset = 1 + _random.NextInt64(gap - 1);
        Set(side, changes, bid ? pair[0] - offset : pair[0] + offset, NewSize());
    }

    /// <summary>A level near the touch, the touch itself most often.</summary>
    private (long Ticks, long Steps) NearTop(SortedDictionary<long, long> side)
    {
        var k = Math.Min(side.Count - 1, (int)(-Math.Log(1 - _random.NextDouble()) * 4));
        var level = side.ElementAt(Math.Min(k, 30));
        return (level.Key, level.Value);
    }

    private long NewSize()
    {
        var usd = I.LevelUsd * -Math.Log(1 - _random.NextDouble());
        var lot = I.BookLotSteps;
        return Math.Max(1, (long)Math.Round((double)I.StepsFor(usd) / lot)) * lot;
    }

    private static void Set(SortedDictionary<long, long> side, Dictionary<long, long> changes, long ticks, long steps)
    {
        if (steps == 0) side.Remove(ticks);
        else side[ticks] = steps;
        changes[ticks] = steps;
    }

    private static void Apply(SortedDictionary<long, long> bids, SortedDictionary<long, long> asks, LiveDiff d)
    {
        foreach (var (t, s) in d.Bids)
        {
            if (s == 0) bids.Remove(t);
            else bids[t] = s;
        }

        foreach (var (t, s) in d.Asks)
        {
            if (s == 0) asks.Remove(t);
            else asks[t] = s;
        }
    }

    private static BookSide Side(SortedDictionary<long, long> levels, int limit)
    {
        var side = new BookSide(Math.Min(limit, levels.Count));
        foreach (var (t, s) in levels)
        {
            if (side.Count == side.Ticks.Length) break;
            side.Ticks[side.Count] = t;
            side.Steps[side.Count++] = s;
        }

        return side;
    }

    private LiveBookState State(SortedDictionary<long, long> bids, SortedDictionary<long, long> asks, long id, int depth) =>
        new(Symbol.Symbol, id, Levels(bids, depth), Levels(asks, depth));

    private List<(decimal, decimal)> Levels(SortedDictionary<long, long> side, int depth) =>
        side.Take(depth).Select(p => (p.Key * I.Tick, p.Value * I.Step)).ToList();
}
