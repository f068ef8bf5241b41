using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>One of the user's own trades (a fill of one of their orders), with the fee charged for it.</summary>
public sealed class Fill
{
    public ExchangeId Exchange { get; init; }

    /// <summary>The named account (-Account) this came from; null for the unnamed one. Set by the layer that chose the account.</summary>
    public string? Account { get; set; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public string TradeId { get; init; } = "";
    public string OrderId { get; init; } = "";
    public string? OrderListId { get; init; }
    public TradeSide Side { get; init; }
    public decimal Price { get; init; }
    public decimal Quantity { get; init; }
    public decimal QuoteQuantity { get; init; }
    public decimal Fee { get; init; }
    public string FeeAsset { get; init; } = "";
    public DateTimeOffset Time { get; init; }
    public bool IsMaker { get; init; }
}
