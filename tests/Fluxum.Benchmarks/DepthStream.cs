namespace Fluxum.Benchmarks;

/// <summary>
/// A Binance-like depth stream: a 1,000-level book a side, then events of ten level changes each, clustered
/// near a mid that random-walks, a fifth of them removals. Generated once from a fixed seed.
/// </summary>
public sealed class DepthStream
{
    public const int LevelsPerSide = 1000;
    public const int ChangesPerEvent = 10;

    public DepthStream(int events, int seed = 42)
    {
        var random = new Random(seed);
        const decimal tick = 0.01m;
        var mid = 60000m;
        SnapshotBids = Enumerable.Range(1, LevelsPerSide).Select(k => (mid - k * tick, 1m + k % 7)).ToArray();
        SnapshotAsks = Enumerable.Range(1, LevelsPerSide).Select(k => (mid + k * tick, 1m + k % 5)).ToArray();
        Events = new (bool Bid, decimal Price, decimal Quantity)[events][];
        for (int e = 0; e < events; e++)
        {
            mid += random.Next(-2, 3) * tick;
            var changes = new (bool, decimal, decimal)[ChangesPerEvent];
            for (int c = 0; c < ChangesPerEvent; c++)
            {
                var bid = random.Next(2) == 0;
                // Most activity within 20 ticks of the top, some deeper.
                var distance = random.Next(10) < 8 ? random.Next(1, 20) : random.Next(20, LevelsPerSide);
                var price = bid ? mid - distance * tick : mid + distance * tick;
                var quantity = random.Next(5) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 3m, 5);
                changes[c] = (bid, price, quantity);
            }

            Events[e] = changes;
        }
    }

    public (decimal Price, decimal Quantity)[] SnapshotBids { get; }
    public (decimal Price, decimal Quantity)[] SnapshotAsks { get; }
    public (bool Bid, decimal Price, decimal Quantity)[][] Events { get; }
}
