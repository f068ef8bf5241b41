using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>
/// Checks an order against a symbol's trading rules before it is sent (tick size, lot step, quantity bounds,
/// notional, percent-price band), and rounds it onto them when asked: quantity down, price toward the side
/// that cannot cost the trader more (a buy rounds down, a sell rounds up).
/// </summary>
public static class OrderRules
{
    /// <param name="referencePrice">The exchange's average price: needed for market notional and the percent-price band; null skips those.</param>
    public static IReadOnlyList<RuleViolation> Check(SymbolInfo s, OrderRequest o, decimal? referencePrice)
    {
        var found = Violations(s, o, referencePrice);
        if (found.Count == 0) return found;

        // Each rule suggests its own repair, and one repair can break another rule (the step floor of a quantity
        // below the minimum is 0). Offer per field the one value, nearest to what was asked, that passes them all.
        var nearest = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var field in found.Select(v => v.Field).Distinct())
        {
            // A -QuoteQuantity order's notional repair is a base quantity: a different field, left as the rule gave it.
            if (field == "Quantity" && o.Quantity is null) continue;
            nearest[field] = NearestValid(s, o, referencePrice, field, found);
        }

        return found.Select(v => nearest.TryGetValue(v.Field, out var n) ? v with { NearestValid = n } : v).ToList();
    }

    /// <summary>The candidate repairs of a field, moved onto its grid both ways, kept if the order then breaks no rule on that field.</summary>
    private static decimal? NearestValid(SymbolInfo s, OrderRequest o, decimal? referencePrice, string field, IReadOnlyList<RuleViolation> found)
    {
        var asked = Value(o, field);
        if (asked is null) return null;
        var marketLots = OrderTypes.IsMarketExecution(o.Type);
        var (step, origin, floor) = field == "Quantity"
            ? (marketLots ? s.MarketLotStep ?? s.LotStep : s.LotStep, marketLots ? s.MarketMinQuantity ?? s.MinQuantity : s.MinQuantity, marketLots ? s.MarketMinQuantity ?? s.MinQuantity : s.MinQuantity)
            : (s.TickSize, s.MinPrice, s.MinPrice);
        var seeds = found.Where(v => v.Field == field).Select(v => v.NearestValid).OfType<decimal>().ToList();
        if (floor is { } f) seeds.Add(f);
        seeds.Add(asked.Value);
        var candidates = new List<decimal>();
        foreach (var c in seeds)
        {
            candidates.Add(c);
            if (step is { } st && st > 0)
            {
                candidates.Add(FloorTo(c, st, origin));
                candidates.Add(CeilingTo(c, st, origin));
                candidates.Add(CeilingTo(c, st, origin) + st);
            }
        }

        // A rule's own repair is chosen toward the trader's safe side, so it wins when it passes everything.
        var own = found.Where(v => v.Field == field).Select(v => v.NearestValid).OfType<decimal>().ToHashSet();
        var upward = field != "Quantity" && o.Side == TradeSide.Sell;
        return candidates.Where(c => c > 0).Distinct()
            .Where(c => Violations(s, With(o, field, c), referencePrice).All(v => v.Field != field))
            .OrderBy(c => own.Contains(c) ? 0 : 1).ThenBy(c => Math.Abs(c - asked.Value)).ThenBy(c => upward ? -c : c)
            .Select(c => (decimal?)c).FirstOrDefault();
    }

    private static decimal? Value(OrderRequest o, string field) => field switch
    {
        "Quantity" => o.Quantity ?? o.QuoteQuantity,
        "Price" => o.Price,
        "StopPrice" => o.StopPrice,
        _ => null,
    };

    private static OrderRequest With(OrderRequest o, string field, decimal value) => field switch
    {
        "Quantity" when o.Quantity is null => o with { QuoteQuantity = value },
        "Quantity" => o with { Quantity = value },
        "Price" => o with { Price = value },
        _ => o with { StopPrice = value },
    };

    private static IReadOnlyList<RuleViolation> Violations(SymbolInfo s, OrderRequest o, decimal? referencePrice)
    {
        var list = new List<RuleViolation>();
        var marketLots = OrderTypes.IsMarketExecution(o.Type);
        var step = marketLots ? s.MarketLotStep ?? s.LotStep : s.LotStep;
        var minQty = marketLots ? s.MarketMinQuantity ?? s.MinQuantity : s.MinQuantity;
        var maxQty = marketLots ? s.MarketMaxQuantity ?? s.MaxQuantity : s.MaxQuantity;

        if (o.Quantity is { } q)
        {
            if (q <= 0) list.Add(new("LOT_SIZE", "Quantity", $"The quantity must be positive, not {q}.", minQty));
            else
            {
                if (minQty is { } min && q < min) list.Add(new("LOT_SIZE", "Quantity", $"The quantity {q} is below the minimum {min} of {s.Symbol}.", min));
                if (maxQty is { } max && q > max) list.Add(new("LOT_SIZE", "Quantity", $"The quantity {q} is above the maximum {max} of {s.Symbol}.", max));
                if (step is { } st && !OnStep(q, st, minQty))
                {
                    list.Add(new("LOT_SIZE", "Quantity", $"The quantity {q} is not a multiple of the lot step {st} of {s.Symbol}.", FloorTo(q, st, minQty)));
                }
            }
        }

        CheckPrice(s, o.Price, "Price", o.Side, list);
        CheckPrice(s, o.StopPrice, "StopPrice", o.Side, list);

        // A stop order's notional is judged at its stop; a market order's at the current average price.
        var notionalPrice = o.Price ?? o.StopPrice ?? (o.Type == OrderType.Market ? referencePrice : null);
        var notional = o.QuoteQuantity ?? (o.Quantity is { } qq && notionalPrice is { } np ? qq * np : null);
        if (notional is { } n && (o.Type != OrderType.Market || s.MinNotionalAppliesToMarket))
        {
            if (s.MinNotional is { } minN && n < minN)
            {
                var qtyNeeded = notionalPrice is { } p && p > 0 ? CeilingTo(minN / p, step ?? 0m, minQty) : (decimal?)null;
                list.Add(new("NOTIONAL", "Quantity", $"The order is worth {n} {s.QuoteAsset}, below the minimum {minN} of {s.Symbol}." +
                    (qtyNeeded is { } need ? $" The smallest quantity at that price is {need}." : ""), qtyNeeded));
            }

            if (s.MaxNotional is { } maxN && n > maxN)
            {
                list.Add(new("NOTIONAL", "Quantity", $"The order is worth {n} {s.QuoteAsset}, above the maximum {maxN} of {s.Symbol}.", null));
            }
        }

        if (referencePrice is { } avg && avg > 0 && o.Price is { } price)
        {
            var (up, down) = o.Side == TradeSide.Buy ? (s.BidMultiplierUp, s.BidMultiplierDown) : (s.AskMultiplierUp, s.AskMultiplierDown);
            if (up is { } u && price > avg * u)
            {
                list.Add(new("PERCENT_PRICE", "Price", $"The price {price} is more than {u}x the {s.AveragePriceMinutes}-minute average {avg} of {s.Symbol}.",
                    RoundPrice(s, avg * u, TradeSide.Buy)));
            }

            if (down is { } d && price < avg * d)
            {
                list.Add(new("PERCENT_PRICE", "Price", $"The price {price} is less than {d}x the {s.AveragePriceMinutes}-minute average {avg} of {s.Symbol}.",
                    RoundPrice(s, avg * d, TradeSide.Sell)));
            }
        }

        return list;
    }

    /// <summary>The order moved onto the symbol's grid: quantities down to the lot step, prices toward the trader's safe side.</summary>
    public static OrderRequest RoundToRules(SymbolInfo s, OrderRequest o)
    {
        var marketLots = OrderTypes.IsMarketExecution(o.Type);
        var step = marketLots ? s.MarketLotStep ?? s.LotStep : s.LotStep;
        var minQty = marketLots ? s.MarketMinQuantity ?? s.MinQuantity : s.MinQuantity;
        return o with
        {
            Quantity = o.Quantity is { } q && step is { } st ? FloorTo(q, st, minQty) : o.Quantity,
            Price = o.Price is { } p ? RoundPrice(s, p, o.Side) : null,
            StopPrice = o.StopPrice is { } sp ? RoundPrice(s, sp, o.Side) : null,
            IcebergQuantity = o.IcebergQuantity is { } iq && s.LotStep is { } ls ? FloorTo(iq, ls, s.MinQuantity) : o.IcebergQuantity,
        };
    }

    private static void CheckPrice(SymbolInfo s, decimal? value, string field, TradeSide side, List<RuleViolation> list)
    {
        if (value is not { } p) return;
        if (p <= 0)
        {
            list.Add(new("PRICE_FILTER", field, $"The {Label(field)} must be positive, not {p}.", s.MinPrice));
            return;
        }

        if (s.MinPrice is { } min && p < min) list.Add(new("PRICE_FILTER", field, $"The {Label(field)} {p} is below the minimum {min} of {s.Symbol}.", min));
        if (s.MaxPrice is { } max && p > max) list.Add(new("PRICE_FILTER", field, $"The {Label(field)} {p} is above the maximum {max} of {s.Symbol}.", max));
        if (s.TickSize is { } tick && !OnStep(p, tick, s.MinPrice))
        {
            list.Add(new("PRICE_FILTER", field, $"The {Label(field)} {p} is not a multiple of the tick size {tick} of {s.Symbol}.", RoundPrice(s, p, side)));
        }
    }

    private static string Label(string field) => field == "StopPrice" ? "stop price" : "price";

    /// <summary>A buy rounds down (never pays more), a sell rounds up (never sells for less).</summary>
    public static decimal RoundPrice(SymbolInfo s, decimal price, TradeSide side) =>
        s.TickSize is not { } tick ? price : side == TradeSide.Buy ? FloorTo(price, tick, s.MinPrice) : CeilingTo(price, tick, s.MinPrice);

    /// <summary>Binance measures steps from the minimum ((value - min) % step == 0); with no minimum, from zero.</summary>
    private static bool OnStep(decimal value, decimal step, decimal? origin) => step <= 0 || (value - (origin ?? 0m)) % step == 0;

    public static decimal FloorTo(decimal value, decimal step, decimal? origin = null)
    {
        if (step <= 0) return value;
        var o = origin ?? 0m;
        return (o + decimal.Floor((value - o) / step) * step).Normalize();
    }

    public static decimal CeilingTo(decimal value, decimal step, decimal? origin = null)
    {
        if (step <= 0) return value;
        var o = origin ?? 0m;
        return (o + decimal.Ceiling((value - o) / step) * step).Normalize();
    }

    private static decimal Normalize(this decimal d) => d / 1.000000000000000000000000000000000m;
}
