using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>
/// What the pre-trade check made of an order or order list: the legs as they would go out (rounded when asked),
/// the rules they break, what rounding changed, and, for a market order, the cost the book suggests.
/// Nothing may be sent unless <see cref="CanSend"/>.
/// </summary>
public sealed class OrderPlan
{
    /// <summary>The single order, rounded when asked; null for a list.</summary>
    public OrderRequest? Order { get; init; }

    /// <summary>The order list with its legs rounded when asked; null for a single order.</summary>
    public OrderListRequest? List { get; init; }

    public IReadOnlyList<OrderRequest> Legs => List is { } l ? l.Legs.ToList() : Order is { } o ? new[] { o } : Array.Empty<OrderRequest>();

    /// <summary>The symbol's rules the plan was checked against; null when the shape was wrong (nothing was asked).</summary>
    public SymbolInfo? Symbol { get; init; }

    /// <summary>The first leg whose shape is wrong, and what is wrong with it.</summary>
    public (OrderRequest Leg, string Problem)? ShapeProblem { get; init; }

    public IReadOnlyList<PlannedViolation> Violations { get; init; } = Array.Empty<PlannedViolation>();

    public IReadOnlyList<RoundingChange> Roundings { get; init; } = Array.Empty<RoundingChange>();

    /// <summary>The book's estimate for the market leg, when one was asked for and the book could be read.</summary>
    public MarketCostEstimate? MarketCost { get; init; }

    public bool IsMarket => Legs.Any(l => l.Type == OrderType.Market);

    public bool CanSend => ShapeProblem is null && Symbol is not null && Violations.Count == 0;

    /// <summary>What -WhatIf and the confirmation show: every leg as it would go out, a market leg with its estimated cost.</summary>
    public string Description { get; init; } = "";
}

/// <summary>A rule one leg breaks, with the error id and full message the user sees.</summary>
public sealed record PlannedViolation(OrderRequest Leg, RuleViolation Violation, string Message)
{
    public string ErrorId => $"Fluxum.OrderRule.{Violation.Rule}";
}

/// <summary>A field -RoundToRules moved onto the symbol's grid.</summary>
public sealed record RoundingChange(OrderRequest Leg, string Field, decimal From, decimal To);
