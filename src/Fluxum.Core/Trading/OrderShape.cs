using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>What an order's type needs from its fields, checked before the exchange is asked anything.</summary>
public static class OrderShape
{
    /// <summary>The first thing the order lacks or has too much of, in the words of New-FxOrder's parameters; null when its shape is right.</summary>
    public static string? Problem(OrderRequest o)
    {
        if (OrderTypes.NeedsPrice(o.Type) && o.Price is null) return $"A {o.Type} order needs -Price.";
        if (!OrderTypes.NeedsPrice(o.Type) && o.Price is not null) return $"A {o.Type} order takes no -Price.";
        if (OrderTypes.NeedsStopPrice(o.Type) && o.StopPrice is null) return $"A {o.Type} order needs -StopPrice.";
        if (o.QuoteQuantity is not null && o.Type != OrderType.Market) return "-QuoteQuantity is for market orders only.";
        if (o.Quantity is null && o.QuoteQuantity is null) return "Give -Quantity (or -QuoteQuantity for a market order).";
        if (o.Quantity is not null && o.QuoteQuantity is not null) return "Give -Quantity or -QuoteQuantity, not both.";
        if (o.TimeInForce is not null && !OrderTypes.TakesTimeInForce(o.Type)) return $"A {o.Type} order takes no -TimeInForce.";
        return null;
    }
}
