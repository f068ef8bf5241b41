using System.Globalization;

namespace Fluxum.TestExchange.Market;

/// <summary>
/// The rolling 24 hours ending now, as Binance's ticker reports them over REST (/ticker/24hr) and streams
/// (24hrTicker, 24hrMiniTicker): prices and sizes in fixed units, trade ids from the tape. A halted market shows
/// no activity, like the real one.
/// </summary>
internal readonly record struct RollingDay(DateTimeOffset From, bool Active, long Last, long LastQuantity, long Open, long High, long Low,
    long Volume, decimal Quote, long FirstId, long LastId, long Count, long PrevClose)
{
    public long Change => Active ? Last - Open : 0;

    /// <summary>Binance's priceChangePercent: three decimals, as text.</summary>
    public string ChangePercent =>
        (!Active || Open == 0 ? 0m : Math.Round((Last - Open) * 100m / Open, 3, MidpointRounding.AwayFromZero)).ToString("F3", CultureInfo.InvariantCulture);

    public decimal WeightedAverage => Volume > 0 ? Quote / Fixed.ToDecimal(Volume) : 0;

    public static RollingDay Of(Instrument i, DateTimeOffset now)
    {
        var from = now.AddDays(-1);
        var window = i.IsHalted(now) ? null : Bars.Window(i, from, now, now);
        var lastSlot = TradeTape.LastSlot(i, now);
        var lastTrade = lastSlot >= 0 ? TradeTape.Trade(i, lastSlot) : default;
        var last = lastSlot >= 0 ? lastTrade.PriceUnits : 0;
        if (window is not { } bar) return new RollingDay(from, false, last, 0, last, 0, 0, 0, 0, -1, -1, 0, last);

        var open = i.TicksToUnits(bar.OpenTicks);
        return new RollingDay(from, true, last, lastTrade.QuantityUnits, open, i.TicksToUnits(bar.HighTicks), i.TicksToUnits(bar.LowTicks),
            i.StepsToUnits(bar.VolumeSteps), bar.Quote(i), bar.FirstSlot + i.TradeIdBase, bar.LastSlot + i.TradeIdBase, bar.Trades,
            bar.FirstSlot > 0 ? TradeTape.Trade(i, bar.FirstSlot - 1).PriceUnits : open);
    }
}
