using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>Order lists: two orders the exchange keeps together.</summary>
public enum OrderListKind
{
    /// <summary>One-cancels-the-other: a take-profit and a stop-loss; when one executes the other is cancelled.</summary>
    Oco,

    /// <summary>One-triggers-the-other: the pending order is placed only when the working order fills.</summary>
    Oto,
}

/// <summary>
/// An order list. For OCO both legs share side and quantity: Above is the leg priced above the market, Below
/// the one beneath it. For OTO, Working goes in at once and Pending waits for it to fill.
/// </summary>
public sealed record OrderListRequest(string Symbol, OrderListKind Kind, OrderRequest First, OrderRequest Second)
{
    public string? ListClientOrderId { get; init; }

    public IEnumerable<OrderRequest> Legs => new[] { First, Second };
}
