namespace Fluxum.TestExchange.Market;

/// <summary>Deterministic pseudo-randomness: the same (key, n) always gives the same number, so every page agrees.</summary>
internal static class Noise
{
    public static double Unit(string key, long n)
    {
        ulong x = (ulong)n * 0x9E3779B97F4A7C15UL ^ (ulong)StableHash(key);
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    private static long StableHash(string s)
    {
        long h = 1469598103934665603;
        foreach (var c in s) h = (h ^ c) * 1099511628211;
        return h;
    }
}
