using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>
/// The pre-trade check New-FxOrder runs before anything is sent: the shape of every leg, the symbol's rules
/// (at the current price, for market notional and the percent-price band), rounding onto the grid when asked,
/// and for a market order the cost the book suggests. It reads market data only; it never places anything.
/// </summary>
public static class OrderPlanner
{
    /// <summary>Book depth read for a market order's estimate: enough for ordinary sizes at a light weight.</summary>
    public const int EstimateDepth = 100;

    /// <summary>Plans one order or one order list (give exactly one of them).</summary>
    /// <param name="estimateCost">Read the book for a market leg's cost (for -WhatIf and the confirmation); a book that cannot be read leaves the estimate out.</param>
    public static async Task<OrderPlan> PlanAsync(IMarketData market, OrderRequest? order, OrderListRequest? list, bool roundToRules,
        bool estimateCost, CancellationToken ct)
    {
        if ((order is null) == (list is null)) throw new ArgumentException("Plan one order or one order list.");
        var legs = list?.Legs.ToList() ?? new List<OrderRequest> { order! };
        foreach (var leg in legs)
        {
            if (OrderShape.Problem(leg) is { } problem) return new OrderPlan { Order = order, List = list, ShapeProblem = (leg, problem) };
        }

        var info = (await market.GetSymbolsAsync(ct).ConfigureAwait(false)).Resolve(legs[0].Symbol);
        var reference = (await market.GetPriceTickersAsync(new[] { info.NativeSymbol }, ct).ConfigureAwait(false)).FirstOrDefault()?.Price;
        OrderBook? book = null;
        if (estimateCost && legs.Any(l => l.Type == OrderType.Market))
        {
            try
            {
                book = await market.GetDepthAsync(info.NativeSymbol, market.DepthLimits.Nearest(EstimateDepth), ct).ConfigureAwait(false);
            }
            catch (FxException)
            {
                // The estimate is a courtesy: without a book the prompt says the cost is unknown, the order still stands.
            }
        }

        return Plan(market.Exchange, info, order, list, reference, roundToRules, book);
    }

    /// <summary>The check itself, on rules, a reference price and a book already read.</summary>
    public static OrderPlan Plan(ExchangeId exchange, SymbolInfo info, OrderRequest? order, OrderListRequest? list, decimal? referencePrice,
        bool roundToRules, OrderBook? book = null)
    {
        if ((order is null) == (list is null)) throw new ArgumentException("Plan one order or one order list.");
        var asked = list?.Legs.ToList() ?? new List<OrderRequest> { order! };
        foreach (var leg in asked)
        {
            if (OrderShape.Problem(leg) is { } problem) return new OrderPlan { Order = order, List = list, ShapeProblem = (leg, problem) };
        }

        var legs = roundToRules ? asked.Select(l => OrderRules.RoundToRules(info, l)).ToList() : asked;
        var roundings = new List<RoundingChange>();
        for (var i = 0; i < legs.Count; i++) roundings.AddRange(Changes(asked[i], legs[i]));

        var violations = new List<PlannedViolation>();
        foreach (var leg in legs)
        {
            foreach (var v in OrderRules.Check(info, leg, referencePrice))
            {
                var hint = v.NearestValid is { } n ? $" Nearest valid {v.Field}: {n}." : "";
                violations.Add(new PlannedViolation(leg, v, v.Message + hint + (roundToRules ? "" : " -RoundToRules rounds it for you.")));
            }
        }

        var market = legs.FirstOrDefault(l => l.Type == OrderType.Market);
        var cost = market is not null && book is not null ? MarketCostEstimate.From(book, market) : null;
        var finalOrder = list is null ? legs[0] : null;
        var finalList = list is null ? null : list with { First = legs[0], Second = legs[1] };
        var description = string.Join(", then ", legs.Select(l => Describe(l, info, exchange, l == market ? cost : null, l == market && book is null)));
        if (list is not null) description = $"{list.Kind.ToString().ToUpperInvariant()} list: {description}";
        return new OrderPlan
        {
            Order = finalOrder, List = finalList, Symbol = info, Violations = violations, Roundings = roundings, MarketCost = cost,
            Description = description,
        };
    }

    /// <summary>
    /// An OCO list: a limit-maker leg at the limit price and a stop leg. For a sell the limit sits above the
    /// market, for a buy below, and the exchange wants the upper leg first.
    /// </summary>
    public static OrderListRequest Oco(OrderRequest limitMaker, OrderRequest stop) =>
        limitMaker.Side == TradeSide.Sell
            ? new OrderListRequest(limitMaker.Symbol, OrderListKind.Oco, limitMaker, stop)
            : new OrderListRequest(limitMaker.Symbol, OrderListKind.Oco, stop, limitMaker);

    public static TradeSide Opposite(TradeSide side) => side == TradeSide.Buy ? TradeSide.Sell : TradeSide.Buy;

    private static IEnumerable<RoundingChange> Changes(OrderRequest from, OrderRequest to)
    {
        if (from.Quantity is { } q && to.Quantity is { } rq && q != rq) yield return new(to, "Quantity", q, rq);
        if (from.Price is { } p && to.Price is { } rp && p != rp) yield return new(to, "Price", p, rp);
        if (from.StopPrice is { } s && to.StopPrice is { } rs && s != rs) yield return new(to, "StopPrice", s, rs);
        if (from.IcebergQuantity is { } i && to.IcebergQuantity is { } ri && i != ri) yield return new(to, "IcebergQuantity", i, ri);
    }

    private static string Describe(OrderRequest o, SymbolInfo s, ExchangeId exchange, MarketCostEstimate? cost, bool bookUnread)
    {
        var size = o.Quantity is { } q ? $"{q} {s.BaseAsset}" : $"{o.QuoteQuantity} {s.QuoteAsset} worth of {s.BaseAsset}";
        if (o.Type == OrderType.Market)
        {
            var estimate = cost is not null ? cost.Describe(s) : bookUnread ? "cost unknown (the book was not read)" : "cost unknown (the book is empty)";
            return $"{o.Side} {size} at market on {exchange}: {estimate}";
        }

        var at = o.Price is { } p ? $" at {p} {s.QuoteAsset}" : "";
        var stop = o.StopPrice is { } sp ? $", triggered at {sp}" : "";
        return $"Place a {o.Type} order to {o.Side.ToString().ToLowerInvariant()} {size}{at}{stop}";
    }
}
