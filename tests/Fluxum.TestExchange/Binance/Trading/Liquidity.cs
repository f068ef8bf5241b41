using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Binance.Trading;

/// <summary>The market's own book and price as the matching engine trades against them, in decimal prices and quantities.</summary>
internal static class Liquidity
{
    public static (List<(decimal Price, decimal Qty)> Bids, List<(decimal Price, decimal Qty)> Asks) Book(Instrument i, DateTimeOffset now, int levels)
    {
        var (bids, asks) = OrderBookModel.Build(i, now, levels);
        return (Side(bids, i), Side(asks, i));
    }

    /// <summary>The bid of the current second: what the last trade printed at, near enough.</summary>
    public static decimal Last(Instrument i, DateTimeOffset now) => i.BidTicks(now.ToUnixTimeSeconds()) * i.Tick;

    private static List<(decimal, decimal)> Side(BookSide side, Instrument i)
    {
        var list = new List<(decimal, decimal)>(side.Count);
        for (int k = 0; k < side.Count; k++) list.Add((side.Ticks[k] * i.Tick, side.Steps[k] * i.Step));
        return list;
    }
}
