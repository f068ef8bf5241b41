using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Fluxum.Books;

/// <summary>
/// One side of a local order book, kept sorted in small chunks ordered from the worst price to the best.
/// A change finds its chunk by the chunks' best keys (kept in one array, the best chunk checked first: most
/// changes land near the top), then its place in the chunk by a vector count of smaller keys, and shifts at
/// most one chunk's worth of levels, so deep updates cost about as little as updates at the top; a full chunk
/// splits in two, an empty one is dropped. Once the chunks exist, updates allocate nothing. Prices are compared
/// as 64-bit keys (the price in units of 10^-8, negated for asks so both sides sort ascending); a price that
/// does not fit switches the side to comparing decimals for good.
/// </summary>
public sealed class BookSideLevels
{
    private const int ChunkCapacity = 64;
    private const int KeyScale = 8;
    private static readonly ulong[] Pow10 = Enumerable.Range(0, KeyScale + 1).Select(i => (ulong)Math.Pow(10, i)).ToArray();

    /// <summary>Whether decimal's fields lie as <see cref="DecimalBits"/> says; else the keys come from decimal.GetBits.</summary>
    private static readonly bool DirectBits = CheckDecimalLayout();

    private readonly bool _isBid;
    private Chunk[] _chunks;

    /// <summary>Each chunk's last (best) key, in chunk order: the chunk search reads only this array.</summary>
    private long[] _tops;
    private int _chunkCount;
    private bool _keyed = true;

    public BookSideLevels(bool isBid, int capacity = 1024)
    {
        _isBid = isBid;
        var chunks = Math.Max(4, capacity / (ChunkCapacity / 2));
        _chunks = new Chunk[chunks];
        _tops = new long[chunks];
    }

    public int Count { get; private set; }

    /// <summary>The k-th best level (0 is the best).</summary>
    public (decimal Price, decimal Quantity) this[int k]
    {
        get
        {
            if ((uint)k >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(k));
            for (int c = _chunkCount - 1; ; c--)
            {
                var chunk = _chunks[c];
                if (k < chunk.Count)
                {
                    ref var level = ref chunk.Levels[chunk.Count - 1 - k];
                    return (level.Price, level.Quantity);
                }

                k -= chunk.Count;
            }
        }
    }

    public decimal? BestPrice => Count > 0 ? _chunks[_chunkCount - 1].Levels[_chunks[_chunkCount - 1].Count - 1].Price : null;

    public void Clear()
    {
        Array.Clear(_chunks, 0, _chunkCount);
        _chunkCount = 0;
        Count = 0;
        _keyed = true;
    }

    /// <summary>Sets the quantity at a price: zero removes the level (absent is fine), anything else inserts or replaces.</summary>
    public void Set(decimal price, decimal quantity)
    {
        var remove = quantity == 0m;
        if (_chunkCount == 0)
        {
            if (remove) return;
            InsertChunk(0, new Chunk());
        }

        long key = 0;
        if (_keyed && !TryKey(price, out key)) _keyed = false;
        int c, index;
        Chunk chunk;
        bool found;
        if (_keyed)
        {
            c = FindChunk(key);
            chunk = _chunks[c];
            index = chunk.Find(key, out found);
        }
        else
        {
            c = FindChunk(price);
            chunk = _chunks[c];
            index = chunk.Find(price, _isBid, out found);
        }

        if (remove)
        {
            if (!found) return;
            chunk.RemoveAt(index);
            Count--;
            if (chunk.Count == 0 && _chunkCount > 1) RemoveChunk(c);
            else if (index == chunk.Count && chunk.Count > 0) _tops[c] = chunk.Keys[chunk.Count - 1];
            return;
        }

        if (found)
        {
            // The price keeps the form it last arrived in (Kraken's checksum is computed over that text).
            chunk.Levels[index] = new Level(price, quantity);
            return;
        }

        if (chunk.Count == ChunkCapacity)
        {
            // Split: the better half moves to a new chunk after this one.
            var upper = chunk.SplitUpperHalf();
            InsertChunk(c + 1, upper);
            _tops[c] = chunk.Keys[chunk.Count - 1];
            if (index > chunk.Count)
            {
                index -= chunk.Count;
                chunk = upper;
                c++;
            }
        }

        chunk.InsertAt(index, key, price, quantity);
        if (index == chunk.Count - 1) _tops[c] = key;
        Count++;
    }

    /// <summary>The price as a sortable 64-bit key, if it has at most 8 decimals and fits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryKey(decimal price, out long key)
    {
        int flags;
        uint hi;
        ulong mantissa;
        if (DirectBits)
        {
            ref var bits = ref Unsafe.As<decimal, DecimalBits>(ref price);
            flags = bits.Flags;
            hi = bits.Hi;
            mantissa = bits.Lo;
        }
        else
        {
            Span<int> parts = stackalloc int[4];
            decimal.GetBits(price, parts);
            flags = parts[3];
            hi = (uint)parts[2];
            mantissa = ((ulong)(uint)parts[1] << 32) | (uint)parts[0];
        }

        var scale = (flags >> 16) & 0xFF;
        key = 0;
        if (hi != 0 || flags < 0 || scale > KeyScale) return false;
        var factor = Pow10[KeyScale - scale];
        if (mantissa > (ulong)long.MaxValue / factor) return false;
        key = (long)(mantissa * factor);
        if (!_isBid) key = -key;
        return true;
    }

    /// <summary>The chunk whose range holds the key: the first whose best key is at least the key; else the best chunk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindChunk(long key)
    {
        var last = _chunkCount - 1;
        var tops = _tops;
        if (last == 0 || tops[last - 1] < key) return last;
        int lo = 0, hi = last - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (tops[mid] < key) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private void InsertChunk(int at, Chunk chunk)
    {
        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
            Array.Resize(ref _tops, _tops.Length * 2);
        }

        Array.Copy(_chunks, at, _chunks, at + 1, _chunkCount - at);
        Array.Copy(_tops, at, _tops, at + 1, _chunkCount - at);
        _chunks[at] = chunk;
        _tops[at] = chunk.Count > 0 ? chunk.Keys[chunk.Count - 1] : 0;
        _chunkCount++;
    }

    private void RemoveChunk(int at)
    {
        _chunkCount--;
        Array.Copy(_chunks, at + 1, _chunks, at, _chunkCount - at);
        Array.Copy(_tops, at + 1, _tops, at, _chunkCount - at);
        _chunks[_chunkCount] = null!;
    }

    /// <summary>Drops the worst levels beyond <paramref name="depth"/> (a subscription of limited depth keeps only that many).</summary>
    public void Truncate(int depth)
    {
        while (Count > depth)
        {
            var worst = _chunks[0];
            var drop = Math.Min(worst.Count, Count - depth);
            if (drop == worst.Count && _chunkCount > 1)
            {
                RemoveChunk(0);
            }
            else
            {
                Array.Copy(worst.Keys, drop, worst.Keys, 0, worst.Count - drop);
                Array.Copy(worst.Levels, drop, worst.Levels, 0, worst.Count - drop);
                worst.Count -= drop;
            }

            Count -= drop;
        }
    }

    /// <summary>The chunk whose range holds the price: the first whose best level is at least as good; else the best chunk.</summary>
    private int FindChunk(decimal price)
    {
        int lo = 0, hi = _chunkCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            var chunk = _chunks[mid];
            if (Rank(chunk.Levels[chunk.Count - 1].Price, price) < 0) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    /// <summary>Negative when a is the worse price of the two on this side.</summary>
    private int Rank(decimal a, decimal b) => _isBid ? a.CompareTo(b) : b.CompareTo(a);

    private static bool CheckDecimalLayout()
    {
        var probe = -123456789012.345678m;
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(probe, parts);
        ref var bits = ref Unsafe.As<decimal, DecimalBits>(ref probe);
        return Unsafe.SizeOf<DecimalBits>() == sizeof(decimal) && bits.Flags == parts[3] && bits.Hi == (uint)parts[2]
               && bits.Lo == (((ulong)(uint)parts[1] << 32) | (uint)parts[0]);
    }

    /// <summary>decimal's fields as .NET lays them out (flags, high 32 bits, low 64 bits); checked once at start.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct DecimalBits
    {
        public readonly int Flags;
        public readonly uint Hi;
        public readonly ulong Lo;
    }

    private readonly struct Level(decimal price, decimal quantity)
    {
        public readonly decimal Price = price;
        public readonly decimal Quantity = quantity;
    }

    private sealed class Chunk
    {
        public readonly long[] Keys = new long[ChunkCapacity];
        public readonly Level[] Levels = new Level[ChunkCapacity];
        public int Count;

        public int Find(decimal price, bool isBid, out bool found)
        {
            int lo = 0, hi = Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >> 1;
                var c = isBid ? Levels[mid].Price.CompareTo(price) : price.CompareTo(Levels[mid].Price);
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

        /// <summary>Where the key is or belongs: the number of smaller keys, counted eight (or four) at a time without branches.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Find(long key, out bool found)
        {
            var count = Count;
            ref var keys = ref MemoryMarshal.GetArrayDataReference(Keys);
            int i = 0, smaller = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var k = Vector512.Create(key);
                for (; i + Vector512<long>.Count <= count; i += Vector512<long>.Count)
                {
                    smaller += BitOperations.PopCount(Vector512.LessThan(Vector512.LoadUnsafe(ref keys, (nuint)i), k).ExtractMostSignificantBits());
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var k = Vector256.Create(key);
                for (; i + Vector256<long>.Count <= count; i += Vector256<long>.Count)
                {
                    smaller += BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref keys, (nuint)i), k).ExtractMostSignificantBits());
                }
            }

            for (; i < count; i++)
            {
                if (Unsafe.Add(ref keys, i) < key) smaller++;
            }

            found = smaller < count && Unsafe.Add(ref keys, smaller) == key;
            return smaller;
        }

        public void InsertAt(int index, long key, decimal price, decimal quantity)
        {
            var move = Count - index;
            if (move > 0)
            {
                Keys.AsSpan(index, move).CopyTo(Keys.AsSpan(index + 1));
                Levels.AsSpan(index, move).CopyTo(Levels.AsSpan(index + 1));
            }

            Keys[index] = key;
            Levels[index] = new Level(price, quantity);
            Count++;
        }

        public void RemoveAt(int index)
        {
            var move = Count - index - 1;
            if (move > 0)
            {
                Keys.AsSpan(index + 1, move).CopyTo(Keys.AsSpan(index));
                Levels.AsSpan(index + 1, move).CopyTo(Levels.AsSpan(index));
            }

            Count--;
        }

        public Chunk SplitUpperHalf()
        {
            var upper = new Chunk();
            var keep = Count / 2;
            upper.Count = Count - keep;
            Array.Copy(Keys, keep, upper.Keys, 0, upper.Count);
            Array.Copy(Levels, keep, upper.Levels, 0, upper.Count);
            Count = keep;
            return upper;
        }
    }
}
