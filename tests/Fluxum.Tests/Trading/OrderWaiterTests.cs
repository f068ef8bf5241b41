using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.TestExchange;
using Fluxum.Trading;

namespace Fluxum.Tests.Trading;

/// <summary>Waiting for an order without an account stream: polling the order, never faster than once a second.</summary>
public sealed class OrderWaiterTests : IClassFixture<ExchangeServerFixture>
{
    private readonly TestExchangeServer _server;

    public OrderWaiterTests(ExchangeServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Faults.Clear();
    }

    private int Reads(string orderId) => _server.Requests.All.Count(r => r.Method == "GET" && r.Path == "/api/v3/order" && Names(r.Query, "orderId=" + orderId));

    private static bool Names(string query, string pair) => query.TrimStart('?').Split('&').Contains(pair);

    [Fact]
    public async Task Polling_sees_an_order_cancelled_elsewhere_and_returns_it()
    {
        var (trading, _) = TradingAccount.Open(_server);
        var order = await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = 20000m }, false, default);
        var wait = OrderWaiter.WaitAsync(trading, null, new OrderReference("BTCUSDT", order.OrderId, null), DateTimeOffset.UtcNow.AddSeconds(20),
            TimeSpan.FromSeconds(1), null, default);
        await Task.Delay(1500);
        Assert.False(wait.IsCompleted);
        await trading.CancelOrderAsync(new OrderReference("BTCUSDT", order.OrderId, null), default);

        var result = await wait;
        Assert.False(result.TimedOut);
        Assert.Equal(OrderStatus.Canceled, result.Order.Status);
        Assert.Equal(order.OrderId, result.Order.OrderId);
    }

    [Fact]
    public async Task A_poll_interval_under_a_second_is_raised_to_one_and_the_deadline_returns_the_open_order()
    {
        var (trading, _) = TradingAccount.Open(_server);
        var order = await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = 20000m }, false, default);
        var started = DateTimeOffset.UtcNow;
        var result = await OrderWaiter.WaitAsync(trading, null, new OrderReference("BTCUSDT", null, order.ClientOrderId), started.AddSeconds(3),
            TimeSpan.FromMilliseconds(10), null, default);

        Assert.True(result.TimedOut);
        Assert.Equal(OrderStatus.New, result.Order.Status);
        Assert.True(DateTimeOffset.UtcNow >= started.AddSeconds(3));
        // About one read a second over three seconds (the first, three ticks), not one every 10 ms.
        var reads = _server.Requests.All.Count(r => r.Method == "GET" && r.Path == "/api/v3/order" && (Names(r.Query, "origClientOrderId=" + order.ClientOrderId) || Names(r.Query, "orderId=" + order.OrderId)));
        Assert.InRange(reads, 2, 5);
    }

    [Fact]
    public async Task An_order_already_ended_returns_after_one_read()
    {
        var (trading, _) = TradingAccount.Open(_server);
        var order = await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { Quantity = 0.001m }, false, default);
        var result = await OrderWaiter.WaitAsync(trading, null, new OrderReference("BTCUSDT", order.OrderId, null), null, TimeSpan.FromSeconds(1), null, default);
        Assert.Equal(OrderStatus.Filled, result.Order.Status);
        Assert.Equal(1, Reads(order.OrderId));
    }
}
