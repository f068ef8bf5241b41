using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.Trading;

namespace Fluxum.Tests.Trading;

public class OrderRulesTests
{
    private static readonly SymbolInfo Btc = RuleSymbols.BtcUsdt;

    private static OrderRequest Limit(TradeSide side, decimal qty, decimal price) => RuleSymbols.Limit(side, qty, price);

    [Fact]
    public void A_valid_order_passes()
    {
        Assert.Empty(OrderRules.Check(Btc, Limit(TradeSide.Buy, 0.001m, 60000m), 60000m));
    }

    [Fact]
    public void Off_tick_price_names_the_rule_and_the_nearest_safe_price()
    {
        var buy = Assert.Single(OrderRules.Check(Btc, Limit(TradeSide.Buy, 0.001m, 60000.005m), null));
        Assert.Equal("PRICE_FILTER", buy.Rule);
        Assert.Equal("Price", buy.Field);
        Assert.Equal(60000m, buy.NearestValid);
        Assert.Contains("tick size 0.01", buy.Message);

        var sell = Assert.Single(OrderRules.Check(Btc, Limit(TradeSide.Sell, 0.001m, 60000.005m), null));
        Assert.Equal(60000.01m, sell.NearestValid);
    }

    [Fact]
    public void Off_step_and_out_of_bounds_quantities()
    {
        var step = Assert.Single(OrderRules.Check(Btc, Limit(TradeSide.Buy, 0.000015m, 600000m), null));
        Assert.Equal("LOT_SIZE", step.Rule);
        Assert.Equal(0.00001m, step.NearestValid);

        var big = OrderRules.Check(Btc, Limit(TradeSide.Buy, 9001m, 1m), null);
        Assert.Contains(big, v => v.Rule == "LOT_SIZE" && v.NearestValid == 9000m);

        var market = OrderRules.Check(Btc, new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { Quantity = 101m }, 60000m);
        Assert.Contains(market, v => v.Rule == "LOT_SIZE" && v.NearestValid == 100m); // MARKET_LOT_SIZE applies to market orders
    }

    [Fact]
    public void Too_small_an_order_gives_the_smallest_quantity_that_passes()
    {
        var v = Assert.Single(OrderRules.Check(Btc, Limit(TradeSide.Buy, 0.00005m, 60000m), null));
        Assert.Equal("NOTIONAL", v.Rule);
        Assert.Equal(0.00009m, v.NearestValid); // 5 / 60000 = 0.0000833 -> up to the step
        Assert.Empty(OrderRules.Check(Btc, Limit(TradeSide.Buy, 0.00009m, 60000m), null));

        var market = Assert.Single(OrderRules.Check(Btc, new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.Market) { Quantity = 0.00001m }, 60000m));
        Assert.Equal("NOTIONAL", market.Rule);
        var quote = Assert.Single(OrderRules.Check(Btc, new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { QuoteQuantity = 4m }, 60000m));
        Assert.Equal("NOTIONAL", quote.Rule);
    }

    [Fact]
    public void Percent_price_band_against_the_average_price()
    {
        var v = Assert.Single(OrderRules.Check(Btc, Limit(TradeSide.Buy, 1m, 400000m), 60000m));
        Assert.Equal("PERCENT_PRICE", v.Rule);
        Assert.Equal(300000m, v.NearestValid);
        var low = Assert.Single(OrderRules.Check(Btc, Limit(TradeSide.Sell, 1m, 10000m), 60000m));
        Assert.Equal(12000m, low.NearestValid);
    }

    [Fact]
    public void Rounding_moves_quantity_down_and_price_to_the_safe_side()
    {
        var buy = OrderRules.RoundToRules(Btc, Limit(TradeSide.Buy, 0.123456789m, 60000.019m));
        Assert.Equal(0.12345m, buy.Quantity);
        Assert.Equal(60000.01m, buy.Price);
        var sell = OrderRules.RoundToRules(Btc, Limit(TradeSide.Sell, 0.123456789m, 60000.011m));
        Assert.Equal(60000.02m, sell.Price);
        Assert.Empty(OrderRules.Check(Btc, buy, 60000m));
        Assert.Empty(OrderRules.Check(Btc, sell, 60000m));
    }

    [Fact]
    public void Rounded_orders_always_pass_the_grid_rules_property()
    {
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            var qty = Math.Round((decimal)random.NextDouble() * 10m, 9) + 0.0001m;
            var price = Math.Round((decimal)random.NextDouble() * 100000m, 7) + 1m;
            var side = random.Next(2) == 0 ? TradeSide.Buy : TradeSide.Sell;
            var rounded = OrderRules.RoundToRules(Btc, Limit(side, qty, price));
            Assert.True(rounded.Quantity <= qty);
            Assert.True(side == TradeSide.Buy ? rounded.Price <= price : rounded.Price >= price);
            Assert.True(Math.Abs(rounded.Price!.Value - price) < 0.01m);
            Assert.DoesNotContain(OrderRules.Check(Btc, rounded, null), v => v.Rule == "PRICE_FILTER" || (v.Rule == "LOT_SIZE" && v.Message.Contains("multiple")));
        }
    }

    [Fact]
    public void Rules_parsed_from_the_recorded_exchange_info_validate_orders()
    {
        using var doc = Fixtures.Json("binance-spot/rest/exchange_info_trimmed.json");
        var rune = BinanceParsers.Symbols(doc.RootElement, ExchangeId.Binance).Single(s => s.NativeSymbol == "RUNEEUR");
        var v = OrderRules.Check(rune, new OrderRequest("RUNEEUR", TradeSide.Buy, OrderType.Limit) { Quantity = 1.25m, Price = 6.2505m }, 6.26m);
        Assert.Contains(v, x => x.Rule == "LOT_SIZE" && x.NearestValid == 1.6m); // 1.2 is on the step but worth less than the 10 EUR minimum: the one value offered passes every rule
        Assert.Contains(v, x => x.Rule == "PRICE_FILTER" && x.NearestValid == 6.25m);
        Assert.Contains(v, x => x.Rule == "NOTIONAL");
    }
}
