namespace Fluxum.TestExchange.Market;

/// <summary>
/// Open/high/low/close and volume over a time range, in ticks and lot steps. Open and close are the first and
/// last prints of the tape in the range; volume and trade counts are exact (see <see cref="VolumeModel"/>).
/// </summary>
internal readonly record struct Bar(long OpenTicks, long HighTicks, long LowTicks, long CloseTicks, long VolumeSteps, long TakerBuySteps,
    long Trades, long FirstSlot, long LastSlot)
{
    /// <summary>Volume-weighted price approximated by the typical price (o+h+l+c)/4, in ticks (fractional).</summary>
    public double VwapTicks => (OpenTicks + HighTicks + LowTicks + CloseTicks) / 4.0;

    /// <summary>Quote volume: volume x typical price (decimal: a month of BTC would overflow 1e-8 units in a long).</summary>
    public decimal Quote(Instrument m) => VolumeSteps * m.Step * (decimal)VwapTicks * m.Tick;

    public decimal TakerBuyQuote(Instrument m) => TakerBuySteps * m.Step * (decimal)VwapTicks * m.Tick;

    public decimal Volume(Instrument m) => VolumeSteps * m.Step;

    public static Bar Combine(Bar a, Bar b) => new(a.OpenTicks, Math.Max(a.HighTicks, b.HighTicks), Math.Min(a.LowTicks, b.LowTicks), b.CloseTicks,
        a.VolumeSteps + b.VolumeSteps, a.TakerBuySteps + b.TakerBuySteps, a.Trades + b.Trades,
        a.Trades > 0 ? a.FirstSlot : b.FirstSlot, b.Trades > 0 ? b.LastSlot : a.LastSlot);
}

internal static class Bars
{
    private const int Samples = 3;

    /// <summary>
    /// The bar over [start, end) as seen at <paramref name="now"/> (a bar still open covers only what has
    /// happened); null when the range has not begun or lies outside the market's life.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Bar? Compute(Instrument m, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var effectiveNow = m.Effective(now).AddTicks(10); // trades at "now" count
        if (end > effectiveNow) end = effectiveNow;
        if (end <= start || end <= m.Listed) return null;

        var startSecond = start.ToUnixTimeSeconds();
        var lastSecond = end.AddTicks(-1).ToUnixTimeSeconds();
        var slots = TradeTape.SlotsIn(m, start, end);
        if (slots is null)
        {
            var flat = m.BidTicks(startSecond);
            return new Bar(flat, flat, flat, flat, 0, 0, 0, -1, -1);
        }

        var (first, last) = slots.Value;
        var open = TradeTape.Trade(m, first).PriceUnits / m.TickUnits;
        var close = TradeTape.Trade(m, last).PriceUnits / m.TickUnits;
        long high = Math.Max(open, close), low = Math.Min(open, close);
        for (int k = 1; k <= Samples && lastSecond > startSecond; k++)
        {
            var bid = m.BidTicks(startSecond + (lastSecond - startSecond) * k / (Samples + 1));
            high = Math.Max(high, bid + 1);
            low = Math.Min(low, bid);
        }

        // What happened between the samples: a deterministic reach beyond them, wider for wider bars.
        var widthSeconds = (long)(end - start).TotalSeconds;
        var reach = m.Path.IntrabarRange(end - start) * ((high + low) / 2.0);
        high += (long)(Noise.Unit(m.BarSeed ^ (ulong)widthSeconds, startSecond) * reach);
        low = Math.Max(1, low - (long)(Noise.Unit(m.BarSeed ^ ~(ulong)widthSeconds, startSecond) * reach));

        var volume = Math.Max(1, VolumeModel.Steps(m, start, end));
        var takerBuy = (long)(volume * (0.35 + 0.3 * Noise.Unit(m.BarSeed ^ 0x7A7E, startSecond)));
        return new Bar(open, high, low, close, volume, takerBuy, last - first + 1, first, last);
    }

    /// <summary>A rolling window (the 24 h tickers) as hour-long pieces combined.</summary>
    public static Bar? Window(Instrument m, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        Bar? total = null;
        for (var start = from; start < to; start = start.AddHours(1))
        {
            var end = start.AddHours(1) < to ? start.AddHours(1) : to;
            if (Compute(m, start, end, now) is not { } piece || piece.Trades == 0) continue;
            total = total is { } t ? Bar.Combine(t, piece) : piece;
        }

        return total;
    }
}
