namespace Fluxum.TestExchange.Market;

/// <summary>
/// One market on one venue: the price path it quotes, its tick and lot step, when it was listed (nothing
/// exists before) and halted (nothing happens after), how often it trades and how much. Everything the
/// exchange serves about it (trades, candles, books, tickers) is derived from these numbers and the clock.
/// </summary>
internal sealed class Instrument
{
    public Instrument(string venue, string symbol, PricePath path, decimal tick, decimal step, DateTimeOffset listed,
        TimeSpan tradeSpacing, double baseUsd, double dailyQuoteUsd, long tradeIdBase = 0, DateTimeOffset? halted = null,
        double tradeUsd = 800, double levelUsd = 2500, decimal? bookLot = null)
    {
        Venue = venue;
        Symbol = symbol;
        Path = path;
        Tick = tick;
        Step = step;
        TickUnits = Fixed.FromDecimal(tick);
        StepUnits = Fixed.FromDecimal(step);
        Listed = listed;
        Halted = halted;
        TradeSpacing = tradeSpacing;
        BaseUsd = baseUsd;
        DailyQuoteUsd = dailyQuoteUsd;
        TradeIdBase = tradeIdBase;
        TradeUsd = tradeUsd;
        LevelUsd = levelUsd;
        BookLotSteps = Math.Max(1, (long)((bookLot ?? step) / step));
        var seed = Noise.Seed(venue + ":" + symbol);
        TradeSeed = Noise.Derive(seed, "trades");
        BookSeed = Noise.Derive(seed, "book");
        BarSeed = Noise.Derive(seed, "bars");
        VolumeSeed = Noise.Derive(seed, "volume");
        SpreadSeed = Noise.Derive(seed, "spread");
        VolumePhases = VolumeModel.Phases(VolumeSeed);
        PriceDecimals = Fixed.Places(tick);
        QuantityDecimals = Fixed.Places(step);
        TickDouble = (double)tick;
    }

    public string Venue { get; }
    public string Symbol { get; }
    public PricePath Path { get; }
    public decimal Tick { get; }
    public decimal Step { get; }
    public long TickUnits { get; }
    public long StepUnits { get; }
    public DateTimeOffset Listed { get; }
    public DateTimeOffset? Halted { get; }
    public TimeSpan TradeSpacing { get; }

    /// <summary>What one unit of the base asset is worth in USD, to size trades and book levels.</summary>
    public double BaseUsd { get; }

    /// <summary>Average traded value per day in USD.</summary>
    public double DailyQuoteUsd { get; }

    /// <summary>Trade ids start here (aggregate trade ids, where there are any, start at 0).</summary>
    public long TradeIdBase { get; }

    public double TradeUsd { get; }

    /// <summary>Typical value resting on one book level near the touch, in USD.</summary>
    public double LevelUsd { get; }

    /// <summary>Book level sizes are whole multiples of this many lot steps (Kraken's books show sizes like "0.136").</summary>
    public long BookLotSteps { get; }

    public ulong TradeSeed { get; }
    public ulong BookSeed { get; }
    public ulong BarSeed { get; }
    public ulong VolumeSeed { get; }
    public ulong SpreadSeed { get; }
    public double[] VolumePhases { get; }
    internal VolumeCacheEntry?[] VolumeCache { get; } = new VolumeCacheEntry?[257];

    public int PriceDecimals { get; }
    public int QuantityDecimals { get; }
    private double TickDouble { get; }

    public bool IsHalted(DateTimeOffset now) => Halted is { } h && h <= now;

    /// <summary>The clock as the market sees it: a halted market stopped at its halt.</summary>
    public DateTimeOffset Effective(DateTimeOffset now) => Halted is { } h && h < now ? h : now;

    /// <summary>Best bid in ticks during a UTC second (the fair price floored to the tick).</summary>
    public long BidTicks(long unixSecond) => Math.Max(1, (long)Math.Floor(Path.Mid(unixSecond) / TickDouble));

    /// <summary>The spread in ticks during a UTC second: one tick on liquid markets, sometimes two.</summary>
    public long SpreadTicks(long unixSecond) => Noise.Unit(SpreadSeed, unixSecond) < 0.85 ? 1 : 2;

    public long TicksToUnits(long ticks) => ticks * TickUnits;

    public long StepsToUnits(long steps) => steps * StepUnits;

    /// <summary>A size worth about <paramref name="usd"/>, in lot steps (at least one).</summary>
    public long StepsFor(double usd) => Math.Max(1, (long)Math.Round(usd / BaseUsd / (double)Step));
}
