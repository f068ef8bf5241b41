using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>A price level in ticks and lot steps.</summary>
internal readonly record struct KrakenLevel(long Ticks, long Steps);

/// <summary>
/// One pair's book as the stream serves it: seeded from the generated REST book, then changed in small random
/// steps (sizes, removals, new levels; never crossed) so it behaves like a busy live book. Not thread-safe:
/// the owner holds its lock.
/// </summary>
internal sealed class KrakenLiveBook
{
    /// <summary>Kept above the deepest subscription (1000), so removals near the end never thin a deep view.</summary>
    private const int MinLevels = 1050;
    private const int SeedLevels = 1100;

    private readonly SortedList<long, long> _bids = new(Comparer<long>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedList<long, long> _asks = new();
    private readonly Random _random;

    public KrakenLiveBook(KrakenPair pair, DateTimeOffset now)
    {
        Pair = pair;
        _random = new Random(pair.Key.GetHashCode(StringComparison.Ordinal));
        var (bids, asks) = OrderBookModel.Build(pair.Instrument, now, SeedLevels);
        for (int k = 0; k < bids.Count; k++) _bids[bids.Ticks[k]] = bids.Steps[k];
        for (int k = 0; k < asks.Count; k++) _asks[asks.Ticks[k]] = asks.Steps[k];
    }

    public KrakenPair Pair { get; }

    public KrakenLevel[] Top(bool bids, int depth)
    {
        var side = bids ? _bids : _asks;
        var levels = new KrakenLevel[Math.Min(depth, side.Count)];
        for (int k = 0; k < levels.Length; k++) levels[k] = new KrakenLevel(side.Keys[k], side.Values[k]);
        return levels;
    }

    public bool Contains(bool bids, long ticks) => (bids ? _bids : _asks).ContainsKey(ticks);

    /// <summary>One tick of market activity: always a size change in the top ten (a busy touch), plus up to three other changes.</summary>
    public void Mutate()
    {
        Resize(_random.Next(2) == 0, _random.Next(10));
        for (int n = _random.Next(4); n > 0; n--)
        {
            var bids = _random.Next(2) == 0;
            switch (_random.Next(3))
            {
                case 0:
                    Resize(bids, Depth());
                    break;
                case 1:
                    Remove(bids, Depth());
                    break;
                default:
                    Insert(bids, Depth());
                    break;
            }
        }

        Refill(_bids, -1);
        Refill(_asks, +1);
    }

    /// <summary>Mostly near the touch, sometimes deeper.</summary>
    private int Depth() => (int)Math.Min(200, -Math.Log(1 - _random.NextDouble()) * 8);

    private void Resize(bool bids, int k)
    {
        var side = bids ? _bids : _asks;
        if (k < side.Count) side[side.Keys[k]] = Size();
    }

    private void Remove(bool bids, int k)
    {
        var side = bids ? _bids : _asks;
        if (k < side.Count) side.RemoveAt(k);
    }

    /// <summary>A new level one tick better than the k-th (inside the spread when k is 0), never reaching the other side.</summary>
    private void Insert(bool bids, int k)
    {
        var side = bids ? _bids : _asks;
        if (k >= side.Count) return;
        var ticks = bids ? side.Keys[k] + 1 : side.Keys[k] - 1;
        if (ticks < 1 || side.ContainsKey(ticks)) return;
        if (bids ? _asks.Count > 0 && ticks >= _asks.Keys[0] : _bids.Count > 0 && ticks <= _bids.Keys[0]) return;
        side[ticks] = Size();
    }

    /// <summary>Levels removed near the top reappear far away, so the book keeps its depth.</summary>
    private void Refill(SortedList<long, long> side, int direction)
    {
        while (side.Count < MinLevels && side.Count > 0)
        {
            var worst = side.Keys[side.Count - 1] + direction * (1 + _random.Next(5));
            if (worst < 1) return;
            side[worst] = Size();
        }
    }

    private long Size()
    {
        var m = Pair.Instrument;
        var usd = m.LevelUsd * -Math.Log(1 - _random.NextDouble());
        var lots = Math.Max(1, (long)Math.Round((double)m.StepsFor(usd) / m.BookLotSteps));
        return lots * m.BookLotSteps;
    }
}
