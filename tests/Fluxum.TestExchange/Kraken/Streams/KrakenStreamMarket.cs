using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>24-hour figures of a pair for the ticker channel, in wire units.</summary>
internal readonly record struct KrakenDayStats(long LastUnits, long VolumeUnits, decimal Vwap, long LowUnits, long HighUnits, long OpenUnits, long LastSlot);

/// <summary>
/// What the feeds read: the live books, the tape and the clock. Everything here is used under the hub's lock,
/// by the ticking loop and by the connections answering subscriptions, so one view of the market is seen at a time.
/// </summary>
internal sealed class KrakenStreamMarket(ExchangeClock clock)
{
    private readonly Dictionary<string, KrakenLiveBook> _books = new();
    private readonly Dictionary<string, (long Second, KrakenDayStats Stats)> _stats = new();

    public DateTimeOffset Now => clock.Now;

    public KrakenLiveBook Book(KrakenPair pair)
    {
        if (!_books.TryGetValue(pair.Key, out var book)) _books[pair.Key] = book = new KrakenLiveBook(pair, Now);
        return book;
    }

    /// <summary>Only books someone has looked at change: a server nobody streams from does no work.</summary>
    public void Mutate()
    {
        foreach (var book in _books.Values) book.Mutate();
    }

    public long LastSlot(KrakenPair pair) => TradeTape.LastSlot(pair.Instrument, Now);

    /// <summary>Rolling 24 hours, computed at most once a second per pair (it sums 24 hourly bars).</summary>
    public KrakenDayStats Day(KrakenPair pair)
    {
        var now = Now;
        var second = now.ToUnixTimeSeconds();
        if (_stats.TryGetValue(pair.Key, out var cached) && cached.Second == second) return cached.Stats;
        var i = pair.Instrument;
        var slot = TradeTape.LastSlot(i, now);
        var last = slot >= 0 ? TradeTape.Trade(i, slot).PriceUnits : 0;
        var day = Bars.Window(i, now.AddDays(-1), now, now);
        var stats = day is { VolumeSteps: > 0 } d
            ? new KrakenDayStats(last, i.StepsToUnits(d.VolumeSteps), d.Quote(i) / d.Volume(i), i.TicksToUnits(d.LowTicks), i.TicksToUnits(d.HighTicks),
                i.TicksToUnits(d.OpenTicks), slot)
            : new KrakenDayStats(last, 0, Fixed.ToDecimal(last), last, last, last, slot);
        _stats[pair.Key] = (second, stats);
        return stats;
    }
}
