using Fluxum.Credentials;
using Fluxum.Engine;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.TestExchange;
using Fluxum.Tests.Support;
using Fluxum.Trading;

namespace Fluxum.Tests.Conformance;

/// <summary>
/// What every exchange module's trading must do: each order type it supports is placed and then found as placed;
/// an answer lost after the exchange acted leaves exactly one order, which the call returns, and one lost before
/// leaves none and says so; orders that break the symbol's rules are caught by the order planner, on the exchange's own
/// symbol data, before anything is sent (and the exchange, sent one anyway, refuses it too).
/// </summary>
public abstract class TradingConformance : IClassFixture<ExchangeServerFixture>
{
    protected TradingConformance(ExchangeServerFixture fixture)
    {
        Server = fixture.Server;
        Server.Faults.Clear();
        Server.Requests.Clear();
        Engine = ConformanceClient.Engine(Server);
    }

    protected TestExchangeServer Server { get; }

    protected FluxumEngine Engine { get; }

    protected abstract ExchangeId Exchange { get; }

    /// <summary>A listed symbol in the unified form, whose quote and base the account is funded in.</summary>
    protected abstract string Symbol { get; }

    protected abstract IReadOnlyList<OrderType> OrderTypes { get; }

    /// <summary>A new funded account at the venue: its credential and how many orders the venue holds for it.</summary>
    protected abstract (ExchangeCredential Credential, Func<int> OrderCount) OpenAccount();

    private async Task<(ITrading Trading, Func<int> OrderCount, SymbolInfo Info, decimal Last)> TradeAsync(int recvWindow = 5000)
    {
        var (credential, count) = OpenAccount();
        var trading = Engine.GetTrading(Exchange, TradingEnvironment.Live, credential, recvWindow);
        var market = Engine.GetMarketData(Exchange);
        var info = (await market.GetSymbolsAsync(default)).Resolve(Symbol);
        var last = (await market.GetPriceTickersAsync(new[] { Symbol }, default)).Single().Price;
        return (trading, count, info, last);
    }

    private static decimal Price(SymbolInfo info, decimal price) => info.TickSize is { } tick and > 0 ? Math.Round(price / tick) * tick : price;

    /// <summary>An order of <paramref name="type"/> that the rules accept and that rests (or fills, for a market order) where it is priced.</summary>
    private static OrderRequest Valid(SymbolInfo info, decimal last, OrderType type)
    {
        var id = "fx" + Guid.NewGuid().ToString("N")[..20];
        var order = new OrderRequest(info.Symbol, TradeSide.Sell, type) { Quantity = 0.01m, ClientOrderId = id };
        return type switch
        {
            OrderType.Limit => order with { Side = TradeSide.Buy, Price = Price(info, last * 0.9m) },
            OrderType.Market => order,
            OrderType.StopLoss => order with { StopPrice = Price(info, last * 0.9m) },
            OrderType.StopLossLimit => order with { Price = Price(info, last * 0.89m), StopPrice = Price(info, last * 0.9m) },
            OrderType.TakeProfit => order with { StopPrice = Price(info, last * 1.1m) },
            OrderType.TakeProfitLimit => order with { Price = Price(info, last * 1.11m), StopPrice = Price(info, last * 1.1m) },
            OrderType.LimitMaker => order with { Price = Price(info, last * 1.1m) },
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }

    [Fact]
    public async Task Every_supported_order_type_is_placed_and_found_as_placed()
    {
        var (trading, count, info, last) = await TradeAsync();
        Assert.NotEmpty(OrderTypes);
        foreach (var type in OrderTypes)
        {
            var request = Valid(info, last, type);
            Assert.True(OrderPlanner.Plan(Exchange, info, request, null, last, roundToRules: false).CanSend);
            var placed = await trading.PlaceOrderAsync(request, test: false, default);
            var found = await trading.GetOrderAsync(new OrderReference(Symbol, null, request.ClientOrderId), default);
            Assert.Equal((placed.OrderId, request.ClientOrderId, type, Symbol), (found.OrderId, found.ClientOrderId, found.Type, found.Symbol));
            Assert.Equal(placed.Status, found.Status);
            Assert.Equal(type == OrderType.Market ? OrderStatus.Filled : OrderStatus.New, found.Status);
        }

        Assert.Equal(OrderTypes.Count, count());
    }

    [Theory]
    [InlineData(FaultKind.CloseConnection)]
    [InlineData(FaultKind.ResetConnection)]
    [InlineData(FaultKind.ServerError)]
    public async Task An_answer_lost_after_the_exchange_acted_leaves_one_order_and_returns_it(FaultKind loss)
    {
        var (trading, count, info, last) = await TradeAsync();
        var request = Valid(info, last, OrderType.Limit);
        Server.Requests.Clear();
        Server.Faults.Add(new Fault { Method = "POST", Kind = loss, AfterProcessing = true });

        var order = await trading.PlaceOrderAsync(request, test: false, default);

        Assert.Single(Server.Requests.All, r => r.Method == "POST");
        Assert.Equal(1, count());
        Assert.Equal(request.ClientOrderId, order.ClientOrderId);
        Assert.Equal(OrderStatus.New, order.Status);
    }

    [Fact]
    public async Task An_answer_lost_before_the_exchange_acted_leaves_no_order_and_says_it_was_not_placed()
    {
        var (trading, count, info, last) = await TradeAsync(recvWindow: 1000);
        var request = Valid(info, last, OrderType.Limit);
        Server.Requests.Clear();
        Server.Faults.Add(new Fault { Method = "POST", Kind = FaultKind.CloseConnection });

        var e = await Assert.ThrowsAsync<FxException>(() => trading.PlaceOrderAsync(request, test: false, default));

        Assert.Equal(("Fluxum.OrderNotPlaced", Exchange), (e.ErrorId, e.Exchange));
        Assert.Single(Server.Requests.All, r => r.Method == "POST");
        Assert.Equal(0, count());
    }

    [Fact]
    public async Task An_order_below_the_minimum_notional_is_caught_by_the_rules_and_refused_by_the_exchange()
    {
        var (trading, count, info, last) = await TradeAsync();
        Assert.True(info.MinNotional > 0, "the symbol declares no minimum notional");
        var quantity = info.LotStep is { } step and > 0 ? step : 0.00001m;
        var request = Valid(info, last, OrderType.Limit) with { Quantity = quantity, Price = Price(info, last * 0.9m) };
        Assert.True(quantity * request.Price < info.MinNotional);

        var violation = await AssertPlannerRefusesBeforeSending(request);
        Assert.Equal(("NOTIONAL", "Quantity"), (violation.Rule, violation.Field));
        Assert.True(violation.NearestValid * request.Price >= info.MinNotional);

        await AssertRefusedByTheExchange(trading, count, request);
    }

    [Fact]
    public async Task A_price_off_the_tick_is_caught_by_the_rules_with_the_nearest_valid_price_and_refused_by_the_exchange()
    {
        var (trading, count, info, last) = await TradeAsync();
        var tick = info.TickSize ?? throw new InvalidOperationException("the symbol declares no tick size");
        var request = Valid(info, last, OrderType.Limit);
        request = request with { Price = request.Price + tick / 2 };

        var violation = await AssertPlannerRefusesBeforeSending(request);
        Assert.Equal(("PRICE_FILTER", "Price"), (violation.Rule, violation.Field));
        Assert.Equal(0m, violation.NearestValid!.Value % tick);

        // Rounded to the rules, the same order passes the planner.
        var rounded = await OrderPlanner.PlanAsync(Engine.GetMarketData(Exchange), request, null, roundToRules: true, estimateCost: false, default);
        Assert.True(rounded.CanSend);
        Assert.Equal(0m, rounded.Order!.Price!.Value % tick);

        await AssertRefusedByTheExchange(trading, count, request);
    }

    /// <summary>The planner New-FxOrder runs finds exactly one broken rule and the venue sees no order request.</summary>
    private async Task<RuleViolation> AssertPlannerRefusesBeforeSending(OrderRequest request)
    {
        Server.Requests.Clear();
        var plan = await OrderPlanner.PlanAsync(Engine.GetMarketData(Exchange), request, null, roundToRules: false, estimateCost: false, default);
        Assert.False(plan.CanSend);
        Assert.DoesNotContain(Server.Requests.All, r => r.Method is "POST" or "DELETE" or "PUT");
        return Assert.Single(plan.Violations).Violation;
    }

    private async Task AssertRefusedByTheExchange(ITrading trading, Func<int> count, OrderRequest request)
    {
        var e = await Assert.ThrowsAsync<ExchangeErrorException>(() => trading.PlaceOrderAsync(request, test: false, default));
        Assert.Equal(Exchange, e.Exchange);
        Assert.StartsWith(Engine.GetMarketData(Exchange).Info.Family + ".", e.ErrorId, StringComparison.Ordinal);
        Assert.Equal(0, count());
    }
}
