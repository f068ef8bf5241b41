using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.Trading;

namespace Fluxum.Tests.Trading;

/// <summary>
/// The "nearest valid" value an order-rule error offers: one per field, and one that passes every rule on that
/// field (never 0, never below a minimum), even when each rule alone would suggest something else.
/// </summary>
public class NearestValidTests
{
    private static readonly SymbolInfo Btc = RuleSymbols.BtcUsdt;

    private static OrderRequest Limit(TradeSide side, decimal qty, decimal price) => RuleSymbols.Limit(side, qty, price);

    [Fact]
    public void A_quantity_below_the_minimum_and_off_the_step_is_offered_the_minimum_not_zero()
    {
        // Alone, the step rule floors 0.000005 to 0 (measured from the minimum) while the minimum rule says 0.00001.
        var noNotional = new SymbolInfo
        {
            Exchange = Btc.Exchange, Symbol = Btc.Symbol, NativeSymbol = Btc.NativeSymbol, BaseAsset = "BTC", QuoteAsset = "USDT",
            TickSize = 0.01m, MinPrice = 0.01m, LotStep = 0.00001m, MinQuantity = 0.00001m, MaxQuantity = 9000m,
        };
        var v = OrderRules.Check(noNotional, Limit(TradeSide.Buy, 0.000005m, 60000m), null);
        Assert.Equal(2, v.Count);
        Assert.All(v, x => Assert.Equal(0.00001m, x.NearestValid));
    }

    [Fact]
    public void Every_rule_on_a_field_offers_the_same_value_and_it_passes_them_all()
    {
        // Below the minimum, off the step and worth less than 5 USDT: one answer, the smallest quantity worth 5 USDT.
        var v = OrderRules.Check(Btc, Limit(TradeSide.Buy, 0.000005m, 60000m), null);
        Assert.Equal(new[] { "LOT_SIZE", "LOT_SIZE", "NOTIONAL" }, v.Select(x => x.Rule));
        Assert.All(v, x => Assert.Equal(0.00009m, x.NearestValid));
        Assert.Empty(OrderRules.Check(Btc, Limit(TradeSide.Buy, 0.00009m, 60000m), null));
    }

    [Fact]
    public void A_price_below_the_minimum_tick_is_offered_the_minimum_price_not_zero()
    {
        var v = OrderRules.Check(Btc, Limit(TradeSide.Buy, 1000m, 0.004m), null);
        Assert.Contains(v, x => x.Field == "Price");
        Assert.All(v.Where(x => x.Field == "Price"), x => Assert.Equal(0.01m, x.NearestValid));
    }

    [Fact]
    public void A_zero_quantity_is_never_offered_zero()
    {
        var noMinimum = new SymbolInfo
        {
            Exchange = Btc.Exchange, Symbol = Btc.Symbol, NativeSymbol = Btc.NativeSymbol, BaseAsset = "BTC", QuoteAsset = "USDT",
            TickSize = 0.01m, LotStep = 0.001m, MinQuantity = 0m,
        };
        var v = Assert.Single(OrderRules.Check(noMinimum, Limit(TradeSide.Buy, 0m, 60000m), null));
        Assert.Equal(0.001m, v.NearestValid);
    }

    [Fact]
    public void Offered_values_pass_every_rule_of_their_field_property()
    {
        var random = new Random(11);
        for (var i = 0; i < 3000; i++)
        {
            var qty = Math.Round((decimal)random.NextDouble() * (random.Next(2) == 0 ? 0.0002m : 20000m), 7);
            var price = Math.Round((decimal)random.NextDouble() * (random.Next(2) == 0 ? 0.05m : 500_000m), 4);
            var side = random.Next(2) == 0 ? TradeSide.Buy : TradeSide.Sell;
            var order = Limit(side, qty, price);
            foreach (var group in OrderRules.Check(Btc, order, 60000m).GroupBy(x => x.Field))
            {
                var offered = group.Select(x => x.NearestValid).Distinct().ToList();
                var n = Assert.Single(offered);
                if (n is not { } value) continue;
                Assert.True(value > 0, $"{order}: {group.Key} offered {value}");
                var repaired = group.Key switch
                {
                    "Quantity" => order with { Quantity = value },
                    "Price" => order with { Price = value },
                    _ => order with { StopPrice = value },
                };
                Assert.DoesNotContain(OrderRules.Check(Btc, repaired, 60000m), x => x.Field == group.Key);
            }
        }
    }
}
