using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>An order as the exchange reports it. Pipes into Get-FxOrder and Stop-FxOrder by property name.</summary>
public sealed class Order
{
    public ExchangeId Exchange { get; init; }

    /// <summary>The named account (-Account) this came from; null for the unnamed one. Set by the layer that chose the account.</summary>
    public string? Account { get; set; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public string OrderId { get; init; } = "";
    public string ClientOrderId { get; init; } = "";
    public TradeSide Side { get; init; }
    public OrderType Type { get; init; }
    public TimeInForce? TimeInForce { get; init; }
    public OrderStatus Status { get; init; }
    public string NativeStatus { get; init; } = "";
    public decimal? Price { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? QuoteQuantity { get; init; }
    public decimal ExecutedQuantity { get; init; }
    public decimal CumulativeQuoteQuantity { get; init; }
    public decimal? IcebergQuantity { get; init; }

    /// <summary>Set when the order belongs to an OCO/OTO list.</summary>
    public string? OrderListId { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>True for an order accepted by a test endpoint: validated, never placed.</summary>
    public bool IsTest { get; init; }

    public decimal? AveragePrice => ExecutedQuantity > 0 ? CumulativeQuoteQuantity / ExecutedQuantity : null;
    public decimal? RemainingQuantity => Quantity is { } q ? q - ExecutedQuantity : null;
    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled or OrderStatus.PendingNew;

    public override string ToString() => $"{Exchange} {Symbol} {Side} {Type} {Quantity} @ {Price} ({Status})";
}
