namespace Fluxum.TestExchange.Market;

/// <summary>One side of a generated book: prices in ticks (best first) and sizes in lot steps.</summary>
internal sealed class BookSide(int capacity)
{
    public long[] Ticks { get; } = new long[capacity];
    public long[] Steps { get; } = new long[capacity];
    public int Count { get; set; }
}

/// <summary>
/// A full-depth book generated on the fly around the tape's bid and ask of the current second: dense near the
/// top (one tick apart), sparser further out, sizes growing away from the touch with the odd wall. Level
/// spacing changes each minute and sizes each second; the same second always gives the same book.
/// </summary>
internal static class OrderBookModel
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static (BookSide Bids, BookSide Asks) Build(Instrument m, DateTimeOffset now, int levels)
    {
        var bids = new BookSide(levels);
        var asks = new BookSide(levels);
        if (m.IsHalted(now) || now < m.Listed || levels <= 0) return (bids, asks);

        var second = now.ToUnixTimeSeconds();
        var minute = second / 60;
        var bid = m.BidTicks(second);
        var ask = bid + m.SpreadTicks(second);
        var mid = (double)bid * (double)m.Tick;
        var gapSeed = m.BookSeed ^ (ulong)minute;
        var sizeSeed = m.BookSeed ^ (ulong)second * 0x9E37;

        for (int k = 0; k < levels; k++)
        {
            if (bid >= 1)
            {
                bids.Ticks[bids.Count] = bid;
                bids.Steps[bids.Count++] = Size(m, sizeSeed, 2 * k);
            }

            asks.Ticks[asks.Count] = ask;
            asks.Steps[asks.Count++] = Size(m, sizeSeed, 2 * k + 1);
            bid -= Gap(m, gapSeed, 2 * k, k, mid);
            ask += Gap(m, gapSeed, 2 * k + 1, k, mid);
        }

        return (bids, asks);
    }

    /// <summary>Ticks to the next level: one near the touch, widening with depth (a few percent over 5000 levels).</summary>
    private static long Gap(Instrument m, ulong seed, long n, int depth, double mid)
    {
        var fraction = Noise.Unit(seed, n) * 2 * (2e-7 + 3e-9 * depth);
        return Math.Max(1, (long)(fraction * mid / (double)m.Tick));
    }

    private static long Size(Instrument m, ulong seed, long n)
    {
        var depth = n / 2;
        var usd = m.LevelUsd * Noise.Exponential(seed, n) * (1 + depth / 300.0);
        if (Noise.Unit(seed ^ 0xAA11, n) < 0.02) usd *= 20;
        var lots = Math.Max(1, (long)Math.Round((double)m.StepsFor(usd) / m.BookLotSteps));
        return lots * m.BookLotSteps;
    }
}
