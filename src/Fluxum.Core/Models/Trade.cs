namespace Fluxum.Models;

/// <summary>A public trade (or, with IsAggregate, Binance's aggregate of fills at one price by one taker order).</summary>
public sealed class Trade
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    /// <summary>The exchange's trade id, as text: some exchanges' ids are not numbers or exceed 2^53.</summary>
    public string Id { get; init; } = "";
    public decimal Price { get; init; }
    public decimal Quantity { get; init; }
    public decimal QuoteQuantity { get; init; }
    public DateTimeOffset Time { get; init; }

    /// <summary>The taker's side: Buy when the buyer lifted an ask.</summary>
    public TradeSide Side { get; init; }
    public bool IsAggregate { get; init; }
    public string? FirstTradeId { get; init; }
    public string? LastTradeId { get; init; }
}
