namespace Fluxum.TestExchange.Market;

/// <summary>One print on the tape. Times are in microseconds since the Unix epoch.</summary>
internal readonly record struct TapeTrade(long Slot, long TimeMicros, long PriceUnits, long QuantityUnits, bool BuyerIsMaker, bool MarketOrder);

/// <summary>
/// The trade tape of an instrument: trade n (its "slot") happens once per <see cref="Instrument.TradeSpacing"/>
/// after the listing, at a jittered moment inside its own slot, so ids and times always agree and any id or
/// time range can be read back in O(1) without storing anything. A seller-initiated trade prints at the bid,
/// a buyer-initiated one at the ask of that second, so trades, books and tickers agree.
/// </summary>
internal static class TradeTape
{
    private const long MicrosPerSecond = 1_000_000;

    private static long ListedMicros(Instrument m) => m.Listed.ToUnixTimeMilliseconds() * 1000;

    private static long SpacingMicros(Instrument m) => m.TradeSpacing.Ticks / 10;

    public static long ToMicros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static long TimeMicros(Instrument m, long slot)
    {
        var spacing = SpacingMicros(m);
        return ListedMicros(m) + slot * spacing + (long)(Noise.Unit(m.TradeSeed, slot) * spacing * 0.9);
    }

    public static TapeTrade Trade(Instrument m, long slot)
    {
        var time = TimeMicros(m, slot);
        var second = Math.DivRem(time, MicrosPerSecond, out _);
        var buyerIsMaker = Noise.Unit(m.TradeSeed ^ 0xB5, slot) < 0.5;
        var bid = m.BidTicks(second);
        var ticks = buyerIsMaker ? bid : bid + m.SpreadTicks(second);
        var usd = m.TradeUsd * Noise.Exponential(m.TradeSeed ^ 0x51, slot);
        if (Noise.Unit(m.TradeSeed ^ 0xB16, slot) < 0.01) usd *= 25;
        var marketOrder = Noise.Unit(m.TradeSeed ^ 0x3A, slot) < 0.35;
        return new TapeTrade(slot, time, m.TicksToUnits(ticks), m.StepsToUnits(m.StepsFor(usd)), buyerIsMaker, marketOrder);
    }

    /// <summary>The last slot traded at or before <paramref name="micros"/> (halts respected); -1 when none.</summary>
    public static long LastSlotAtOrBefore(Instrument m, long micros)
    {
        if (m.Halted is { } halt) micros = Math.Min(micros, ToMicros(halt) - 1);
        var listed = ListedMicros(m);
        if (micros < listed) return -1;
        var slot = (micros - listed) / SpacingMicros(m);
        return TimeMicros(m, slot) <= micros ? slot : slot - 1;
    }

    /// <summary>The first slot traded at or after <paramref name="micros"/> (it may lie in the future).</summary>
    public static long FirstSlotAtOrAfter(Instrument m, long micros)
    {
        var listed = ListedMicros(m);
        if (micros <= listed) return 0;
        var slot = (micros - listed) / SpacingMicros(m);
        return TimeMicros(m, slot) >= micros ? slot : slot + 1;
    }

    public static long LastSlot(Instrument m, DateTimeOffset now) => LastSlotAtOrBefore(m, ToMicros(now));

    /// <summary>Slots traded in [from, to): (first, last), or null when none.</summary>
    public static (long First, long Last)? SlotsIn(Instrument m, DateTimeOffset from, DateTimeOffset toExclusive)
    {
        var first = FirstSlotAtOrAfter(m, ToMicros(from));
        var last = LastSlotAtOrBefore(m, ToMicros(toExclusive) - 1);
        return last >= first ? (first, last) : null;
    }
}
