using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Trading;
using Fluxum.Tests.Support;
using Fluxum.Trading;
using static Fluxum.Tests.Trading.TradingAccount;

namespace Fluxum.Tests.Trading;

/// <summary>
/// Every order type whose placement answer is lost - the connection closed (FIN) or reset (RST) after the
/// exchange placed it, a 5xx after processing, an answer later than the client's timeout - exists exactly once
/// afterwards: one POST reached the exchange, one order (or one list) is in the account, and the order found by
/// its client id is what the call returns. Faults come on a reused keep-alive connection, where the HTTP stack
/// would resend a body-less request.
/// </summary>
public sealed class LostOrderAnswerTests : IClassFixture<ExchangeServerFixture>
{
    private readonly TestExchangeServer _server;

    public LostOrderAnswerTests(ExchangeServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Faults.Clear();
        _server.Requests.Clear();
    }

    public enum Shape { Limit, MarketByQuantity, MarketByQuote, StopLoss, StopLossLimit, TakeProfit, TakeProfitLimit, LimitMaker, Oco, Oto }

    public enum Loss { Fin, Rst, ServerError, Timeout }

    public static TheoryData<Shape, Loss> EveryShapeUnderEveryLoss()
    {
        var data = new TheoryData<Shape, Loss>();
        foreach (var shape in Enum.GetValues<Shape>())
        foreach (var loss in Enum.GetValues<Loss>())
            data.Add(shape, loss);
        return data;
    }

    public static TheoryData<Shape, Loss> SomeShapesUnderEveryLoss()
    {
        var data = new TheoryData<Shape, Loss>();
        foreach (var shape in new[] { Shape.Limit, Shape.MarketByQuantity, Shape.Oco })
        foreach (var loss in Enum.GetValues<Loss>())
            data.Add(shape, loss);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryShapeUnderEveryLoss))]
    public async Task A_lost_answer_leaves_exactly_one_order_and_returns_it(Shape shape, Loss loss)
    {
        var (trading, account) = Open(_server);
        var placement = await Placement.ForAsync(shape, trading);
        _server.Faults.Add(LossOf(loss, placement.Path, afterProcessing: true));

        var orders = await placement.SendAsync(trading);

        var post = Assert.Single(_server.Requests.All, r => r.Method == "POST" && r.Path == placement.Path);
        Assert.True(post.OnConnection > 1, $"The POST came on a fresh connection ({post.OnConnection}); the faults must hit a reused one.");
        Assert.Equal(placement.Legs, account.OrderCount);
        Assert.Equal(placement.IsList ? 1 : 0, account.OrderListCount);
        Assert.Equal(placement.ClientOrderIds, orders.Select(o => o.ClientOrderId));
        foreach (var order in orders)
        {
            var truth = await trading.GetOrderAsync(new OrderReference("BTCUSDT", order.OrderId, null), default);
            Assert.Equal(truth.Status, order.Status);
            Assert.Equal(truth.Type, order.Type);
        }

        if (shape is Shape.MarketByQuantity or Shape.MarketByQuote) Assert.Equal(OrderStatus.Filled, Assert.Single(orders).Status);
        if (placement.IsList) Assert.Single(orders.Select(o => o.OrderListId).Distinct());
    }

    [Theory]
    [MemberData(nameof(SomeShapesUnderEveryLoss))]
    public async Task A_request_lost_before_the_exchange_acted_is_reported_not_placed_and_not_resent(Shape shape, Loss loss)
    {
        var (trading, account) = Open(_server, lookupPatience: TimeSpan.FromMilliseconds(600), recvWindow: 1000);
        var placement = await Placement.ForAsync(shape, trading);
        _server.Faults.Add(LossOf(loss, placement.Path, afterProcessing: false));

        var e = await Assert.ThrowsAsync<FxException>(() => placement.SendAsync(trading));

        Assert.Equal("Fluxum.OrderNotPlaced", e.ErrorId);
        Assert.Equal(0, account.OrderCount);
        Assert.Single(_server.Requests.All, r => r.Method == "POST" && r.Path == placement.Path);
        Assert.Contains("not placed", e.Message);
        Assert.NotNull(e.RecommendedAction);
    }

    [Theory]
    [InlineData(Shape.MarketByQuantity, FaultKind.ServerError)]
    [InlineData(Shape.MarketByQuantity, FaultKind.CloseConnection)]
    [InlineData(Shape.MarketByQuantity, FaultKind.ResetConnection)]
    [InlineData(Shape.Limit, FaultKind.Delay)]
    [InlineData(Shape.Oco, FaultKind.ServerError)]
    [InlineData(Shape.Oto, FaultKind.CloseConnection)]
    public async Task When_the_lookup_fails_too_the_outcome_is_unknown_and_nothing_is_resent(Shape shape, FaultKind lookupFault)
    {
        var (trading, account) = Open(_server);
        var placement = await Placement.ForAsync(shape, trading);
        _server.Faults.Add(LossOf(Loss.Fin, placement.Path, afterProcessing: true));
        _server.Faults.Add(new Fault
        {
            PathPrefix = placement.IsList ? "/api/v3/orderList" : "/api/v3/order", Method = "GET", Kind = lookupFault, Times = 100,
            Delay = TimeSpan.FromSeconds(5),
        });

        var e = await Assert.ThrowsAsync<FxException>(() => placement.SendAsync(trading));
        _server.Faults.Clear();

        Assert.Equal("Fluxum.OrderOutcomeUnknown", e.ErrorId);
        Assert.Contains("not sent again", e.Message);
        Assert.Contains(placement.ListOrFirstClientId, e.RecommendedAction);
        Assert.Single(_server.Requests.All, r => r.Method == "POST");
        Assert.Equal(placement.Legs, account.OrderCount); // it was placed; Fluxum could not find out
        Assert.True(_server.Requests.All.Count(r => r.Method == "GET" && r.Path.StartsWith("/api/v3/order", StringComparison.Ordinal)) >= 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Binance_saying_the_execution_status_is_unknown_is_a_lost_answer_too(bool placed)
    {
        var (trading, account) = Open(_server, lookupPatience: TimeSpan.FromMilliseconds(600), recvWindow: 1000);
        var placement = await Placement.ForAsync(Shape.Limit, trading);
        _server.Faults.Add(new Fault
        {
            PathPrefix = placement.Path, Method = "POST", Kind = FaultKind.ExchangeError, StatusCode = 400, AfterProcessing = placed,
            Body = """{"code":-1007,"msg":"Timeout waiting for response from backend server. Send status unknown; execution status unknown."}""",
        });

        if (placed)
        {
            var order = Assert.Single(await placement.SendAsync(trading));
            Assert.Equal(placement.ClientOrderIds.Single(), order.ClientOrderId);
            Assert.Equal(1, account.OrderCount);
        }
        else
        {
            var e = await Assert.ThrowsAsync<FxException>(() => placement.SendAsync(trading));
            Assert.Equal("Fluxum.OrderNotPlaced", e.ErrorId);
            Assert.Equal(0, account.OrderCount);
        }

        Assert.Single(_server.Requests.All, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_filled_market_order_id_is_no_protection_so_the_answer_alone_decides()
    {
        // Binance refuses a duplicate client order id only among open orders: a resent filled market order
        // would simply fill again. Placing it twice on purpose shows the exchange accepts it.
        var (trading, account) = Open(_server);
        var request = new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.Market) { Quantity = 0.05m, ClientOrderId = "fx-market-twice" };
        await trading.PlaceOrderAsync(request, false, default);
        await trading.PlaceOrderAsync(request, false, default);
        Assert.Equal(2, account.OrderCount);
    }

    [Fact]
    public async Task Order_parameters_travel_in_the_form_body_and_the_url_carries_none()
    {
        var (trading, _) = Open(_server);
        var placement = await Placement.ForAsync(Shape.Limit, trading);
        await placement.SendAsync(trading);
        var post = Assert.Single(_server.Requests.All, r => r.Method == "POST");
        Assert.Equal("", post.Query);
        Assert.StartsWith("application/x-www-form-urlencoded", post.Headers["Content-Type"]);
        Assert.Contains("newClientOrderId=" + placement.ClientOrderIds.Single(), post.Body);
        Assert.Matches("&signature=[0-9a-f]{64}$", post.Body);
    }

    private static Fault LossOf(Loss loss, string path, bool afterProcessing) => loss switch
    {
        Loss.Fin => new Fault { PathPrefix = path, Method = "POST", Kind = FaultKind.CloseConnection, AfterProcessing = afterProcessing },
        Loss.Rst => new Fault { PathPrefix = path, Method = "POST", Kind = FaultKind.ResetConnection, AfterProcessing = afterProcessing },
        Loss.ServerError => new Fault { PathPrefix = path, Method = "POST", Kind = FaultKind.ServerError, StatusCode = 503, AfterProcessing = afterProcessing },
        // Twice the client's timeout: the answer (or, before processing, the order itself) never arrives in time.
        _ => new Fault { PathPrefix = path, Method = "POST", Kind = FaultKind.Delay, Delay = TradingAccount.Timeout * 2.5, AfterProcessing = afterProcessing },
    };

    /// <summary>One order or order list of a shape, priced from the market now, with client ids chosen here.</summary>
    private sealed class Placement
    {
        private OrderRequest? _single;
        private OrderListRequest? _list;

        public required string Path { get; init; }
        public required IReadOnlyList<string> ClientOrderIds { get; init; }
        public string? ListClientOrderId { get; init; }
        public bool IsList => _list is not null;
        public int Legs => IsList ? 2 : 1;
        public string ListOrFirstClientId => ListClientOrderId ?? ClientOrderIds[0];

        public async Task<IReadOnlyList<Order>> SendAsync(BinanceSpotTrading trading) =>
            _list is { } list ? await trading.PlaceOrderListAsync(list, default) : new[] { await trading.PlaceOrderAsync(_single!, false, default) };

        public static async Task<Placement> ForAsync(Shape shape, BinanceSpotTrading trading)
        {
            var last = await LastPriceAsync(trading);
            var id = "fx" + Guid.NewGuid().ToString("N")[..20];
            OrderRequest Order(TradeSide side, OrderType type, decimal? price = null, decimal? stop = null, decimal? quantity = 0.01m, decimal? quote = null) =>
                new("BTCUSDT", side, type) { Quantity = quantity, QuoteQuantity = quote, Price = price, StopPrice = stop, ClientOrderId = id };

            OrderRequest? single = shape switch
            {
                Shape.Limit => Order(TradeSide.Buy, OrderType.Limit, price: Tick(last * 0.9m)),
                Shape.MarketByQuantity => Order(TradeSide.Sell, OrderType.Market, quantity: 0.05m),
                Shape.MarketByQuote => Order(TradeSide.Buy, OrderType.Market, quantity: null, quote: 500m),
                Shape.StopLoss => Order(TradeSide.Sell, OrderType.StopLoss, stop: Tick(last * 0.9m)),
                Shape.StopLossLimit => Order(TradeSide.Sell, OrderType.StopLossLimit, price: Tick(last * 0.89m), stop: Tick(last * 0.9m)),
                Shape.TakeProfit => Order(TradeSide.Sell, OrderType.TakeProfit, stop: Tick(last * 1.1m)),
                Shape.TakeProfitLimit => Order(TradeSide.Sell, OrderType.TakeProfitLimit, price: Tick(last * 1.11m), stop: Tick(last * 1.1m)),
                Shape.LimitMaker => Order(TradeSide.Sell, OrderType.LimitMaker, price: Tick(last * 1.1m)),
                _ => null,
            };
            if (single is not null) return new Placement { _single = single, Path = "/api/v3/order", ClientOrderIds = new[] { id } };

            var (first, second) = shape == Shape.Oco
                ? (Order(TradeSide.Sell, OrderType.LimitMaker, price: Tick(last * 1.5m), quantity: 0.1m) with { ClientOrderId = id + "a" },
                    Order(TradeSide.Sell, OrderType.StopLossLimit, price: Tick(last * 0.59m), stop: Tick(last * 0.6m), quantity: 0.1m) with { ClientOrderId = id + "b" })
                : (Order(TradeSide.Buy, OrderType.Limit, price: Tick(last * 0.5m), quantity: 0.1m) with { ClientOrderId = id + "a" },
                    Order(TradeSide.Sell, OrderType.LimitMaker, price: Tick(last * 1.5m), quantity: 0.1m) with { ClientOrderId = id + "b" });
            var list = new OrderListRequest("BTCUSDT", shape == Shape.Oco ? OrderListKind.Oco : OrderListKind.Oto, first, second) { ListClientOrderId = id + "L" };
            return new Placement
            {
                _list = list, Path = shape == Shape.Oco ? "/api/v3/orderList/oco" : "/api/v3/orderList/oto",
                ClientOrderIds = new[] { id + "a", id + "b" }, ListClientOrderId = id + "L",
            };
        }
    }
}
