using System.Runtime.CompilerServices;

namespace Fluxum.TestExchange.Market;

/// <summary>
/// The fair price of one asset pair as a pure function of the UTC second: layered smooth noise from a 60-day
/// swing down to one-minute wiggles, plus per-second jitter, around a fixed level. Both exchanges quote the
/// same path, so BTC costs about the same on Binance and Kraken; a cross (ETH/BTC) is the ratio of its legs.
/// </summary>
internal sealed class PricePath
{
    /// <summary>(period in seconds, amplitude of the log price) from slow to fast.</summary>
    private static readonly (double Period, double Amplitude)[] Layers =
    {
        (60 * 86400, 0.15), (7 * 86400, 0.06), (86400, 0.025), (4 * 3600, 0.01), (1800, 0.004), (300, 0.0015), (60, 0.0006),
    };

    private const double SecondJitter = 0.00015;

    private readonly ulong _seed;
    private readonly double _volatility;
    private readonly PricePath? _numerator;
    private readonly PricePath? _denominator;
    private readonly CacheEntry?[] _cache = new CacheEntry?[1024];

    private PricePath(string key, double level, double volatility, PricePath? numerator, PricePath? denominator)
    {
        Key = key;
        Level = level;
        _volatility = volatility;
        _seed = Noise.Seed("price:" + key);
        _numerator = numerator;
        _denominator = denominator;
    }

    public string Key { get; }

    /// <summary>The price the path swings around.</summary>
    public double Level { get; }

    public static PricePath Root(string key, double level, double volatility) => new(key, level, volatility, null, null);

    public static PricePath Cross(string key, PricePath numerator, PricePath denominator) =>
        new(key, numerator.Level / denominator.Level, 1, numerator, denominator);

    /// <summary>The fair mid price during the given UTC second (remembered for the last seconds asked).</summary>
    public double Mid(long unixSecond)
    {
        var index = (int)(unixSecond & (_cache.Length - 1));
        if (_cache[index] is { } hit && hit.Second == unixSecond) return hit.Mid;
        var mid = _numerator is not null ? _numerator.Mid(unixSecond) / _denominator!.Mid(unixSecond) : Compute(unixSecond);
        _cache[index] = new CacheEntry(unixSecond, mid);
        return mid;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Compute(long unixSecond)
    {
        double log = 0;
        foreach (var (period, amplitude) in Layers)
        {
            log += amplitude * Noise.Smooth(_seed ^ (ulong)period, unixSecond, period);
        }

        log += SecondJitter * Noise.Signed(_seed, unixSecond);
        return Level * Math.Exp(_volatility * log);
    }

    private sealed record CacheEntry(long Second, double Mid);

    /// <summary>The moves a bar of this width hides between its samples, as a fraction of the price.</summary>
    public double IntrabarRange(TimeSpan width)
    {
        if (_numerator is not null) return _numerator.IntrabarRange(width) + _denominator!.IntrabarRange(width);
        var minutes = Math.Max(width.TotalMinutes, 1.0 / 60);
        return Math.Min(0.02, 0.0004 * Math.Sqrt(minutes)) * _volatility;
    }
}

/// <summary>The price paths every venue quotes from.</summary>
internal static class PricePaths
{
    public static readonly PricePath BtcUsd = PricePath.Root("BTC-USD", 60000, 1.0);
    public static readonly PricePath EthUsd = PricePath.Root("ETH-USD", 3000, 1.2);
    public static readonly PricePath EthBtc = PricePath.Cross("ETH-BTC", EthUsd, BtcUsd);
    public static readonly PricePath BnbUsd = PricePath.Root("BNB-USD", 600, 1.1);
    public static readonly PricePath SolUsd = PricePath.Root("SOL-USD", 150, 1.5);
    public static readonly PricePath LunaUsd = PricePath.Root("LUNA-USD", 0.0001, 2.0);
}
