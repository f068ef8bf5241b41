namespace Fluxum.Models;

/// <summary>One OHLCV bar, identified by its open time.</summary>
public sealed record Candle
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public string Interval { get; init; } = "";
    public DateTimeOffset OpenTime { get; init; }
    public DateTimeOffset CloseTime { get; init; }
    public decimal Open { get; init; }
    public decimal High { get; init; }
    public decimal Low { get; init; }
    public decimal Close { get; init; }
    public decimal Volume { get; init; }
    public decimal? QuoteVolume { get; init; }
    public long? TradeCount { get; init; }
    public decimal? TakerBuyVolume { get; init; }
    public decimal? TakerBuyQuoteVolume { get; init; }
    public decimal? Vwap { get; init; }

    /// <summary>False for the still-forming last bar.</summary>
    public bool IsClosed { get; init; }
}
