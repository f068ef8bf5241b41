namespace Fluxum.Models;

/// <summary>A public trade (or, with IsAggregate, Binance's aggregate of fills at one price by one taker order).</summary>
public sealed class Trade
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public long Id { get; init; }
    public decimal Price { get; init; }
    public decimal Quantity { get; init; }
    public decimal QuoteQuantity { get; init; }
    public DateTimeOffset Time { get; init; }

    /// <summary>The taker's side: Buy when the buyer lifted an ask.</summary>
    public TradeSide Side { get; init; }
    public bool IsAggregate { get; init; }
    public long? FirstTradeId { get; init; }
    public long? LastTradeId { get; init; }
}
