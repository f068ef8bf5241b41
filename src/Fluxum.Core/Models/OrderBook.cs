namespace Fluxum.Models;

/// <summary>
/// A point-in-time order book: bids best (highest) first, asks best (lowest) first.
/// Get-FxDepth returns it; Watch-FxBook emits the same type from a locally kept book.
/// </summary>
public sealed class OrderBook
{
    public OrderBook(ExchangeId exchange, string symbol, string nativeSymbol, long updateId, DateTimeOffset time,
        IReadOnlyList<BookLevel> bids, IReadOnlyList<BookLevel> asks)
    {
        Exchange = exchange;
        Symbol = symbol;
        NativeSymbol = nativeSymbol;
        UpdateId = updateId;
        Time = time;
        Bids = bids;
        Asks = asks;
    }

    public ExchangeId Exchange { get; }
    public string Symbol { get; }
    public string NativeSymbol { get; }

    /// <summary>The exchange's sequence number for this state of the book (0 when it gives none).</summary>
    public long UpdateId { get; }
    public DateTimeOffset Time { get; }
    public IReadOnlyList<BookLevel> Bids { get; }
    public IReadOnlyList<BookLevel> Asks { get; }

    /// <summary>How many times a live book had to be rebuilt from a snapshot (always 0 for a REST snapshot).</summary>
    public int Resyncs { get; init; }

    public decimal? BestBid => Bids.Count > 0 ? Bids[0].Price : null;
    public decimal? BestBidQuantity => Bids.Count > 0 ? Bids[0].Quantity : null;
    public decimal? BestAsk => Asks.Count > 0 ? Asks[0].Price : null;
    public decimal? BestAskQuantity => Asks.Count > 0 ? Asks[0].Quantity : null;
    public decimal? Mid => BestBid is { } b && BestAsk is { } a ? (a + b) / 2m : null;
    public decimal? Spread => BestBid is { } b && BestAsk is { } a ? a - b : null;
    public decimal? SpreadBps => Spread is { } s && Mid is { } m && m != 0 ? Math.Round(s / m * 10_000m, 4) : null;
    public int BidLevels => Bids.Count;
    public int AskLevels => Asks.Count;

    /// <summary>Average price to buy (take asks) or sell (hit bids) the quantity; null when the book is too thin.</summary>
    public decimal? GetFillPrice(TradeSide side, decimal quantity)
    {
        var estimate = EstimateFill(side, quantity);
        return estimate.IsComplete ? estimate.AveragePrice : null;
    }

    /// <summary>Walks the book for a market order of the given quantity.</summary>
    public FillEstimate EstimateFill(TradeSide side, decimal quantity)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "The quantity to fill must be positive.");
        }

        var levels = side == TradeSide.Buy ? Asks : Bids;
        decimal remaining = quantity, notional = 0m, worst = 0m;
        int used = 0;
        foreach (var level in levels)
        {
            if (remaining <= 0) break;
            var take = Math.Min(remaining, level.Quantity);
            notional += take * level.Price;
            remaining -= take;
            worst = level.Price;
            used++;
        }

        var filled = quantity - remaining;
        decimal? average = filled > 0 ? notional / filled : null;
        decimal? slippage = average is { } avg && Mid is { } mid && mid != 0
            ? Math.Round((side == TradeSide.Buy ? avg - mid : mid - avg) / mid * 10_000m, 4)
            : null;
        return new FillEstimate
        {
            Exchange = Exchange,
            Symbol = Symbol,
            Side = side,
            RequestedQuantity = quantity,
            FilledQuantity = filled,
            AveragePrice = average,
            WorstPrice = used > 0 ? worst : null,
            Notional = notional,
            SlippageBps = slippage,
            LevelsUsed = used,
            IsComplete = remaining <= 0,
        };
    }

    public override string ToString() => $"{Exchange} {Symbol} bid {BestBid} ask {BestAsk}";
}
