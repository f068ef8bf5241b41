namespace Fluxum.Books;

/// <summary>
/// One side of a local order book, kept sorted in small chunks ordered from the worst price to the best.
/// A change binary-searches the chunk bounds, then the chunk, and shifts at most one chunk's worth of
/// levels, so deep updates cost about as little as updates at the top; a full chunk splits in two, an empty
/// one is dropped. Once the chunks exist, updates allocate nothing.
/// </summary>
public sealed class BookSideLevels
{
    private const int ChunkCapacity = 64;
    private readonly List<Chunk> _chunks = new();
    private readonly bool _isBid;

    public BookSideLevels(bool isBid, int capacity = 1024)
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
    }

    /// <summary>Sets the quantity at a price: zero removes the level (absent is fine), anything else inserts or replaces.</summary>
    public void Set(decimal price, decimal quantity)
    {
        if (_chunks.Count == 0)
        {
            if (quantity == 0) return;
            _chunks.Add(new Chunk());
        }

        var c = FindChunk(price);
        var chunk = _chunks[c];
        var index = chunk.Find(price, _isBid, out var found);
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

        chunk.InsertAt(index, price, quantity);
        Count++;
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

        public void InsertAt(int index, decimal price, decimal quantity)
        {
            Array.Copy(Prices, index, Prices, index + 1, Count - index);
            Array.Copy(Quantities, index, Quantities, index + 1, Count - index);
            Prices[index] = price;
            Quantities[index] = quantity;
            Count++;
        }

        public void RemoveAt(int index)
        {
            Array.Copy(Prices, index + 1, Prices, index, Count - index - 1);
            Array.Copy(Quantities, index + 1, Quantities, index, Count - index - 1);
            Count--;
        }

        public Chunk SplitUpperHalf()
        {
            var upper = new Chunk();
            var keep = Count / 2;
            upper.Count = Count - keep;
            Array.Copy(Prices, keep, upper.Prices, 0, upper.Count);
            Array.Copy(Quantities, keep, upper.Quantities, 0, upper.Count);
            Count = keep;
            return upper;
        }
    }
}
