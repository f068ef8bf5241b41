namespace Fluxum.TestExchange.Market;

/// <summary>
/// Traded volume as the integral of a positive rate (a daily and weekly rhythm plus faster ripples), in closed
/// form: the volume of any range is Cumulative(end) - Cumulative(start) rounded to whole lot steps, so volumes
/// are exactly additive: sixty 1m candles hold exactly the volume of their 1h candle.
/// </summary>
internal static class VolumeModel
{
    /// <summary>(period in seconds, relative amplitude); the amplitudes sum below 1 so the rate stays positive.</summary>
    private static readonly (double Period, double Amplitude)[] Waves =
    {
        (86400, 0.30), (7 * 86400, 0.20), (3671, 0.15), (617, 0.10), (97, 0.08), (13, 0.05),
    };

    /// <summary>Base units traded from the listing up to <paramref name="t"/>.</summary>
    public static double Cumulative(Instrument m, DateTimeOffset t)
    {
        var seconds = (m.Effective(t) - m.Listed).TotalSeconds;
        if (seconds <= 0) return 0;
        var phases = m.VolumePhases;
        var sum = seconds;
        for (int k = 0; k < Waves.Length; k++)
        {
            var (period, amplitude) = Waves[k];
            sum += amplitude * period / (2 * Math.PI) * (Math.Sin(2 * Math.PI * seconds / period + phases[k]) - Math.Sin(phases[k]));
        }

        return m.DailyQuoteUsd / m.BaseUsd / 86400 * sum;
    }

    /// <summary>The phases of the waves for one instrument (so two markets do not breathe in step).</summary>
    public static double[] Phases(ulong seed) => Enumerable.Range(0, Waves.Length).Select(k => Noise.Unit(seed, k) * 2 * Math.PI).ToArray();

    /// <summary>Cumulative lot steps at t; adjacent candles share an edge, so the last values asked are remembered.</summary>
    private static long CumulativeSteps(Instrument m, DateTimeOffset t)
    {
        var cache = m.VolumeCache;
        var index = (int)((ulong)t.UtcTicks % (ulong)cache.Length);
        if (cache[index] is { } hit && hit.Ticks == t.UtcTicks) return hit.Steps;
        var steps = (long)Math.Floor(Cumulative(m, t) / (double)m.Step);
        cache[index] = new VolumeCacheEntry(t.UtcTicks, steps);
        return steps;
    }

    /// <summary>Lot steps traded in [from, to).</summary>
    public static long Steps(Instrument m, DateTimeOffset from, DateTimeOffset to) =>
        Math.Max(0, CumulativeSteps(m, to) - CumulativeSteps(m, from));
}

internal sealed record VolumeCacheEntry(long Ticks, long Steps);
