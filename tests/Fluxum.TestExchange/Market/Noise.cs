namespace Fluxum.TestExchange.Market;

/// <summary>
/// Deterministic pseudo-randomness: the same (seed, n) always gives the same number, so every request, page
/// and server instance sees the same market. SplitMix64 over a seed taken from a stable FNV-1a string hash.
/// </summary>
internal static class Noise
{
    public static ulong Seed(string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in key) h = (h ^ c) * 1099511628211UL;
        return Mix(h, 0x5EED);
    }

    /// <summary>A child seed for one purpose (prices, trade sizes, book gaps...) of a parent seed.</summary>
    public static ulong Derive(ulong seed, string purpose) => Mix(seed, (long)Seed(purpose));

    public static ulong Mix(ulong seed, long n)
    {
        ulong x = seed ^ ((ulong)n * 0x9E3779B97F4A7C15UL);
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(ulong seed, long n) => (Mix(seed, n) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [-1, 1).</summary>
    public static double Signed(ulong seed, long n) => Unit(seed, n) * 2 - 1;

    /// <summary>Exponential with mean 1 (sizes: many small, a few large).</summary>
    public static double Exponential(ulong seed, long n) => -Math.Log(1 - Unit(seed, n));

    /// <summary>
    /// Smooth value noise in [-1, 1]: random values on a grid of <paramref name="period"/> seconds, joined by a
    /// smoothstep, so the path is continuous and looks like a market rather than a sine.
    /// </summary>
    public static double Smooth(ulong seed, double t, double period)
    {
        var x = t / period;
        var k = Math.Floor(x);
        var f = x - k;
        var a = Signed(seed, (long)k);
        var b = Signed(seed, (long)k + 1);
        return a + (b - a) * (f * f * (3 - 2 * f));
    }
}
