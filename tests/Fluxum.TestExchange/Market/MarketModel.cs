namespace Fluxum.TestExchange.Market;

/// <summary>
/// Prices, trades, candles and books as pure functions of time: a slow weekly swing, an hourly wave and
/// per-second noise. Trade n happens at Listed + n x 100 ms, so ids and times always agree.
/// </summary>
internal static class MarketModel
{
    public static readonly TimeSpan TradeSpacing = TimeSpan.FromMilliseconds(100);

    public static decimal Price(Instrument i, DateTimeOffset t)
    {
        var s = t.ToUnixTimeSeconds();
        var f = 1.0
                + 0.05 * Math.Sin(2 * Math.PI * s / (86400.0 * 7))
                + 0.01 * Math.Sin(2 * Math.PI * s / 3600.0)
                + 0.001 * (Noise.Unit(i.Key, s) - 0.5);
        return RoundTo(i.BasePrice * (decimal)f, i.Tick);
    }

    public static decimal RoundTo(decimal value, decimal step) => Math.Max(step, Math.Round(value / step, MidpointRounding.AwayFromZero) * step);

    public static long LastTradeId(Instrument i, DateTimeOffset now) => (long)((now - i.Listed) / TradeSpacing);

    public static DateTimeOffset TradeTime(Instrument i, long id) => i.Listed + TradeSpacing * id;

    public static long FirstTradeIdAtOrAfter(Instrument i, DateTimeOffset t) =>
        t <= i.Listed ? 0 : (long)Math.Ceiling((t - i.Listed) / TradeSpacing);

    public static TapeTrade Trade(Instrument i, long id)
    {
        var time = TradeTime(i, id);
        var buyerMaker = Noise.Unit(i.Key + "side", id) < 0.5;
        var price = Price(i, time) + (buyerMaker ? 0 : i.Tick);
        var qty = RoundTo((decimal)(0.0005 + Noise.Unit(i.Key + "qty", id) * 0.2) * (60000m / i.BasePrice), i.Step);
        return new TapeTrade(id, price, qty, time, buyerMaker);
    }

    public static TapeCandle Candle(Instrument i, IntervalSpec interval, DateTimeOffset open)
    {
        var next = interval.Next(open);
        var o = Price(i, open);
        var c = Price(i, next.AddSeconds(-1));
        var m = Price(i, open + (next - open) / 2);
        var wiggle = (decimal)(0.0005 + Noise.Unit(i.Key + interval.Code, open.ToUnixTimeSeconds()) * 0.002);
        var high = RoundTo(Math.Max(o, Math.Max(c, m)) * (1 + wiggle), i.Tick);
        var low = RoundTo(Math.Min(o, Math.Min(c, m)) * (1 - wiggle), i.Tick);
        var minutes = (decimal)Math.Max((next - open).TotalMinutes, 1.0 / 60);
        var volume = RoundTo(minutes * (decimal)(0.5 + Noise.Unit(i.Key + "vol", open.ToUnixTimeSeconds())) * 20m * (60000m / i.BasePrice), i.Step);
        var trades = (long)((next - open) / TradeSpacing);
        return new TapeCandle(open, next.AddMilliseconds(-1), o, high, low, c, volume, volume * (o + c) / 2, trades);
    }

    /// <summary>A book around the price at <paramref name="now"/>: strictly ordered, tick-aligned, never crossed.</summary>
    public static (List<(decimal Price, decimal Qty)> Bids, List<(decimal Price, decimal Qty)> Asks) Book(Instrument i, DateTimeOffset now, int levels)
    {
        var second = now.ToUnixTimeSeconds();
        var bid = Price(i, now);
        var ask = bid + i.Tick;
        var bids = new List<(decimal, decimal)>(levels);
        var asks = new List<(decimal, decimal)>(levels);
        for (int k = 0; k < levels; k++)
        {
            bids.Add((bid, Quantity(i, "b", second, k)));
            asks.Add((ask, Quantity(i, "a", second, k)));
            bid -= i.Tick * (1 + (int)(Noise.Unit(i.Key + "bs", k) * 3));
            ask += i.Tick * (1 + (int)(Noise.Unit(i.Key + "as", k) * 3));
            if (bid <= 0) break;
        }

        return (bids, asks);
    }

    private static decimal Quantity(Instrument i, string side, long second, int level) =>
        RoundTo((decimal)(0.001 + Noise.Unit(i.Key + side + level, second) * (1 + level * 0.05)) * (60000m / i.BasePrice), i.Step);
}

internal sealed record TapeTrade(long Id, decimal Price, decimal Quantity, DateTimeOffset Time, bool IsBuyerMaker);

internal sealed record TapeCandle(DateTimeOffset OpenTime, DateTimeOffset CloseTime, decimal Open, decimal High, decimal Low, decimal Close,
    decimal Volume, decimal QuoteVolume, long Trades);
