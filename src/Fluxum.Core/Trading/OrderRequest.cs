using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>An order as the user asked for it, before the exchange sees it.</summary>
public sealed record OrderRequest(string Symbol, TradeSide Side, OrderType Type)
{
    /// <summary>Base-asset quantity. A market order may give QuoteQuantity instead.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>Quote-asset amount to spend or receive (market orders only).</summary>
    public decimal? QuoteQuantity { get; init; }
    public decimal? Price { get; init; }
    public decimal? StopPrice { get; init; }
    public TimeInForce? TimeInForce { get; init; }

    /// <summary>Always set before sending: it is how a lost answer is recovered without sending twice.</summary>
    public string? ClientOrderId { get; init; }
    public decimal? IcebergQuantity { get; init; }
}
