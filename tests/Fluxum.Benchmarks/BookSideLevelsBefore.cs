namespace Fluxum.Benchmarks;

// A frozen copy of src/Fluxum.Core/Books/BookSideLevels.cs as it was on 2026-11-23 before the speed work, so
// BookApplyBenchmarks measures the old and the new book in the same run. Not used anywhere else.

/// <summary>
/// One side of a local order book, kept sorted in small chunks ordered from the worst price to the best.
/// A change binary-searches the chunk bounds, then the chunk, and shifts at most one chunk's worth of
/// levels, so deep updates cost about as little as updates at the top; a full chunk splits in two, an empty
/// one is dropped. Once the chunks exist, updates allocate nothing. Prices are compared as 64-bit keys
/// (the price in units of 10^-8, negated for asks so both sides sort ascending); a price that does not fit
/// switches the side to comparing decimals for good.
/// </summary>
public sealed class BookSideLevelsBefore
{
    private const int ChunkCapacity = 64;
    private const int KeyScale = 8;
    private static readonly ulong[] Pow10 = Enumerable.Range(0, KeyScale + 1).Select(i => (ulong)Math.Pow(10, i)).ToArray();
    private readonly List<Chunk> _chunks = new();
    private readonly bool _isBid;
    private bool _keyed = true;

    public BookSideLevelsBefore(bool isBid, int capacity = 1024)
    {
        _isBid = isBid;
        _chunks.Capacity = Math.Max(4, capacity / (ChunkCapacity / 2));
    }

    public int Count { get; private set; }

    /// <summary>The k-th best level (0 is the best).</summary>
    public (decimal Price, decimal Quantity) this[int k]
    {
        get
        {
            if ((uint)k >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(k));
            for (int c = _chunks.Count - 1; ; c--)
            {
                var chunk = _chunks[c];
                if (k < chunk.Count) return (chunk.Prices[chunk.Count - 1 - k], chunk.Quantities[chunk.Count - 1 - k]);
                k -= chunk.Count;
            }
        }
    }

    public decimal? BestPrice => Count > 0 ? _chunks[^1].Prices[_chunks[^1].Count - 1] : null;

    public void Clear()
    {
        _chunks.Clear();
        Count = 0;
        _keyed = true;
    }

    /// <summary>Sets the quantity at a price: zero removes the level (absent is fine), anything else inserts or replaces.</summary>
    public void Set(decimal price, decimal quantity)
    {
        if (_chunks.Count == 0)
        {
            if (quantity == 0) return;
            _chunks.Add(new Chunk());
        }

        long key = 0;
        if (_keyed && !TryKey(price, out key)) _keyed = false;
        var c = _keyed ? FindChunk(key) : FindChunk(price);
        var chunk = _chunks[c];
        var index = _keyed ? chunk.Find(key, out var found) : chunk.Find(price, _isBid, out found);
        if (quantity == 0)
        {
            if (!found) return;
            chunk.RemoveAt(index);
            Count--;
            if (chunk.Count == 0 && _chunks.Count > 1) _chunks.RemoveAt(c);
            return;
        }

        if (found)
        {
            // The price keeps the form it last arrived in (Kraken's checksum is computed over that text).
            chunk.Prices[index] = price;
            chunk.Quantities[index] = quantity;
            return;
        }

        if (chunk.Count == ChunkCapacity)
        {
            // Split: the better half moves to a new chunk after this one.
            var upper = chunk.SplitUpperHalf();
            _chunks.Insert(c + 1, upper);
            if (index > chunk.Count)
            {
                index -= chunk.Count;
                chunk = upper;
            }
        }

        chunk.InsertAt(index, key, price, quantity);
        Count++;
    }

    /// <summary>The price as a sortable 64-bit key, if it has at most 8 decimals and fits.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool TryKey(decimal price, out long key)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(price, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        key = 0;
        if (bits[2] != 0 || bits[3] < 0 || scale > KeyScale) return false;
        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var factor = Pow10[KeyScale - scale];
        if (mantissa > (ulong)long.MaxValue / factor) return false;
        key = (long)(mantissa * factor);
        if (!_isBid) key = -key;
        return true;
    }

    private int FindChunk(long key)
    {
        int lo = 0, hi = _chunks.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            var chunk = _chunks[mid];
            if (chunk.Keys[chunk.Count - 1] < key) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    /// <summary>Drops the worst levels beyond <paramref name="depth"/> (a subscription of limited depth keeps only that many).</summary>
    public void Truncate(int depth)
    {
        while (Count > depth)
        {
            var worst = _chunks[0];
            var drop = Math.Min(worst.Count, Count - depth);
            if (drop == worst.Count && _chunks.Count > 1)
            {
                _chunks.RemoveAt(0);
            }
            else
            {
                Array.Copy(worst.Keys, drop, worst.Keys, 0, worst.Count - drop);
                Array.Copy(worst.Prices, drop, worst.Prices, 0, worst.Count - drop);
                Array.Copy(worst.Quantities, drop, worst.Quantities, 0, worst.Count - drop);
                worst.Count -= drop;
            }

            Count -= drop;
        }
    }

    /// <summary>The chunk whose range holds the price: the first whose best level is at least as good; else the best chunk.</summary>
    private int FindChunk(decimal price)
    {
        int lo = 0, hi = _chunks.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            var chunk = _chunks[mid];
            if (Rank(chunk.Prices[chunk.Count - 1], price) < 0) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    /// <summary>Negative when a is the worse price of the two on this side.</summary>
    private int Rank(decimal a, decimal b) => _isBid ? a.CompareTo(b) : b.CompareTo(a);

    private sealed class Chunk
    {
        public readonly long[] Keys = new long[ChunkCapacity];
        public readonly decimal[] Prices = new decimal[ChunkCapacity];
        public readonly decimal[] Quantities = new decimal[ChunkCapacity];
        public int Count;

        public int Find(decimal price, bool isBid, out bool found)
        {
            int lo = 0, hi = Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >> 1;
                var c = isBid ? Prices[mid].CompareTo(price) : price.CompareTo(Prices[mid]);
                if (c == 0)
                {
                    found = true;
                    return mid;
                }

                if (c < 0) lo = mid + 1;
                else hi = mid - 1;
            }

            found = false;
            return lo;
        }

        public int Find(long key, out bool found)
        {
            int lo = 0, hi = Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >> 1;
                var k = Keys[mid];
                if (k == key)
                {
                    found = true;
                    return mid;
                }

                if (k < key) lo = mid + 1;
                else hi = mid - 1;
            }

            found = false;
            return lo;
        }

        public void InsertAt(int index, long key, decimal price, decimal quantity)
        {
            Array.Copy(Keys, index, Keys, index + 1, Count - index);
            Array.Copy(Prices, index, Prices, index + 1, Count - index);
            Keys[index] = key;
            Array.Copy(Quantities, index, Quantities, index + 1, Count - index);
            Prices[index] = price;
            Quantities[index] = quantity;
            Count++;
        }

        public void RemoveAt(int index)
        {
            Array.Copy(Keys, index + 1, Keys, index, Count - index - 1);
            Array.Copy(Prices, index + 1, Prices, index, Count - index - 1);
            Array.Copy(Quantities, index + 1, Quantities, index, Count - index - 1);
            Count--;
        }

        public Chunk SplitUpperHalf()
        {
            var upper = new Chunk();
            var keep = Count / 2;
            upper.Count = Count - keep;
            Array.Copy(Keys, keep, upper.Keys, 0, upper.Count);
            Array.Copy(Prices, keep, upper.Prices, 0, upper.Count);
            Array.Copy(Quantities, keep, upper.Quantities, 0, upper.Count);
            Count = keep;
            return upper;
        }
    }
}
