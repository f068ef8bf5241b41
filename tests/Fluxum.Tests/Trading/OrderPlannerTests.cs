using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.TestExchange;
using Fluxum.Trading;

namespace Fluxum.Tests.Trading;

/// <summary>The pre-trade check New-FxOrder calls: shape, rules, rounding and a market order's cost, before anything is sent.</summary>
public sealed class OrderPlannerTests : IClassFixture<ExchangeServerFixture>
{
    private static readonly SymbolInfo Btc = new()
    {
        Exchange = ExchangeId.Binance, Symbol = "BTC/USDT", NativeSymbol = "BTCUSDT", BaseAsset = "BTC", QuoteAsset = "USDT",
        TickSize = 0.01m, MinPrice = 0.01m, MaxPrice = 1_000_000m, LotStep = 0.00001m, MinQuantity = 0.00001m, MaxQuantity = 9000m,
        MarketLotStep = 0.00001m, MarketMinQuantity = 0.00001m, MarketMaxQuantity = 100m, MinNotional = 5m, MinNotionalAppliesToMarket = true,
    };

    private static readonly DateTimeOffset BookTime = new(2026, 12, 2, 19, 42, 7, TimeSpan.Zero);

    private readonly TestExchangeServer _server;

    public OrderPlannerTests(ExchangeServerFixture fixture) => _server = fixture.Server;

    private static OrderBook Book(params (decimal Price, decimal Qty)[] asks) => new(ExchangeId.Binance, "BTC/USDT", "BTCUSDT", 1, BookTime,
        new[] { new BookLevel(ExchangeId.Binance, "BTC/USDT", BookSide.Bid, 64_300m, 5m) },
        asks.Select(a => new BookLevel(ExchangeId.Binance, "BTC/USDT", BookSide.Ask, a.Price, a.Qty)).ToList());

    private static OrderPlan Single(OrderRequest o, bool round = false, OrderBook? book = null, decimal? reference = 64_300m) =>
        OrderPlanner.Plan(ExchangeId.Binance, Btc, o, null, reference, round, book);

    [Fact]
    public void A_wrong_shape_is_reported_before_any_rule()
    {
        var plan = Single(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.000001m });
        Assert.False(plan.CanSend);
        Assert.Equal("A Limit order needs -Price.", plan.ShapeProblem!.Value.Problem);
        Assert.Empty(plan.Violations);

        var both = Single(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { Quantity = 1m, QuoteQuantity = 100m });
        Assert.Equal("Give -Quantity or -QuoteQuantity, not both.", both.ShapeProblem!.Value.Problem);
    }

    [Fact]
    public void Rule_violations_carry_the_error_id_and_the_message_users_see()
    {
        var plan = Single(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.001m, Price = 60000.005m });
        Assert.False(plan.CanSend);
        var v = Assert.Single(plan.Violations);
        Assert.Equal("Fluxum.OrderRule.PRICE_FILTER", v.ErrorId);
        Assert.EndsWith("Nearest valid Price: 60000. -RoundToRules rounds it for you.", v.Message);
    }

    [Fact]
    public void RoundToRules_sends_the_rounded_order_and_says_what_moved()
    {
        var plan = Single(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.0012345m, Price = 60000.005m }, round: true);
        Assert.True(plan.CanSend);
        Assert.Equal(0.00123m, plan.Order!.Quantity);
        Assert.Equal(60000m, plan.Order.Price);
        Assert.Equal(new[] { ("Quantity", 0.0012345m, 0.00123m), ("Price", 60000.005m, 60000m) },
            plan.Roundings.Select(r => (r.Field, r.From, r.To)));
        Assert.Equal("Place a Limit order to buy 0.00123 BTC at 60000 USDT", plan.Description);
    }

    [Fact]
    public void An_oco_list_puts_the_upper_leg_first_and_is_rounded_leg_by_leg()
    {
        var limit = new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.LimitMaker) { Quantity = 0.01m, Price = 60000.009m };
        var stop = new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.StopLoss) { Quantity = 0.01m, StopPrice = 70000.001m };
        var list = OrderPlanner.Oco(limit, stop);
        Assert.Same(stop, list.First);
        var plan = OrderPlanner.Plan(ExchangeId.Binance, Btc, null, list, 64_300m, true);
        Assert.True(plan.CanSend);
        Assert.Equal(70000m, plan.List!.First.StopPrice);
        Assert.Equal(60000m, plan.List.Second.Price);
        Assert.StartsWith("OCO list: Place a StopLoss order", plan.Description);
        var sell = OrderPlanner.Oco(limit with { Side = TradeSide.Sell }, stop with { Side = TradeSide.Sell });
        Assert.Equal(OrderType.LimitMaker, sell.First.Type);
    }

    [Fact]
    public void A_market_order_is_described_with_its_cost_from_the_book()
    {
        var book = Book((64_300m, 0.03m), (64_316.50m, 0.02m), (64_400m, 1m));
        var plan = Single(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { Quantity = 0.05m }, book: book);
        Assert.True(plan.CanSend);
        Assert.True(plan.IsMarket);
        // 0.03 x 64,300 + 0.02 x 64,316.50 = 1,929 + 1,286.33 = 3,215.33 for 0.05: an average of 64,306.60
        Assert.Equal("Buy 0.05 BTC at market on Binance: about 3,215.33 USDT at an average 64,306.60 (book of 19:42:07 UTC)", plan.Description);
        Assert.Equal(3215.33m, plan.MarketCost!.Notional);
    }

    [Fact]
    public void A_quote_amount_is_spent_through_the_book_and_a_thin_book_says_so()
    {
        var book = Book((64_000m, 0.01m), (65_000m, 0.01m));
        var quote = Single(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { QuoteQuantity = 1290m }, book: book);
        Assert.Equal(0.02m, Math.Round(quote.MarketCost!.Quantity, 8));
        Assert.Contains("Buy 1290 USDT worth of BTC at market", quote.Description);
        Assert.Contains("about 1,290.00 USDT at an average 64,500.00", quote.Description);

        var thin = Single(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { Quantity = 1m }, book: book);
        Assert.False(thin.MarketCost!.IsComplete);
        Assert.Contains("more than the book read holds: its levels give only 0.02000 BTC for 1,290.00 USDT", thin.Description);

        var unread = Single(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { Quantity = 0.05m });
        Assert.Null(unread.MarketCost);
        Assert.Contains("cost unknown", unread.Description);
    }

    [Fact]
    public async Task Planning_against_the_test_exchange_reads_the_rules_the_price_and_the_book()
    {
        var market = ExchangeClients.Binance(_server);
        _server.Requests.Clear();
        var order = new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.Market) { Quantity = 0.01m };
        var plan = await OrderPlanner.PlanAsync(market, order, null, false, true, default);
        Assert.True(plan.CanSend);
        Assert.Equal("BTC/USDT", plan.Symbol!.Symbol);
        Assert.True(plan.MarketCost!.IsComplete);
        Assert.StartsWith("Sell 0.01 BTC at market on Binance: about ", plan.Description);
        Assert.Equal(1, _server.Requests.Count("/api/v3/depth"));

        var limit = await OrderPlanner.PlanAsync(market, order with { Type = OrderType.Limit, Price = 1m }, null, false, true, default);
        Assert.Null(limit.MarketCost);
        Assert.Equal(1, _server.Requests.Count("/api/v3/depth")); // no book read for a limit order
        Assert.Contains(limit.Violations, v => v.Violation.Rule is "PERCENT_PRICE" or "NOTIONAL");
    }
}
