namespace Fluxum.Models;

/// <summary>Rolling statistics for a symbol (24 hours on most exchanges; Kraken's open is today's UTC open).</summary>
public sealed class Ticker
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public decimal LastPrice { get; init; }
    public decimal? LastQuantity { get; init; }
    public decimal? BidPrice { get; init; }
    public decimal? BidQuantity { get; init; }
    public decimal? AskPrice { get; init; }
    public decimal? AskQuantity { get; init; }
    public decimal? OpenPrice { get; init; }
    public decimal? HighPrice { get; init; }
    public decimal? LowPrice { get; init; }
    public decimal? PriceChange { get; init; }
    public decimal? PriceChangePercent { get; init; }
    public decimal? WeightedAveragePrice { get; init; }

    /// <summary>Traded quantity in the base asset.</summary>
    public decimal? Volume { get; init; }

    /// <summary>Traded value in the quote asset.</summary>
    public decimal? QuoteVolume { get; init; }
    public long? TradeCount { get; init; }
    public DateTimeOffset? OpenTime { get; init; }
    public DateTimeOffset? CloseTime { get; init; }
}

/// <summary>The last price only: the lightest ticker.</summary>
public sealed class PriceTicker
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public decimal Price { get; init; }
}

/// <summary>The best bid and ask with their quantities.</summary>
public sealed class BookTicker
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public decimal BidPrice { get; init; }
    public decimal BidQuantity { get; init; }
    public decimal AskPrice { get; init; }
    public decimal AskQuantity { get; init; }
    public decimal Mid => (BidPrice + AskPrice) / 2m;
    public decimal Spread => AskPrice - BidPrice;
    public decimal? SpreadBps => Mid != 0 ? Math.Round(Spread / Mid * 10_000m, 4) : null;
}
