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
/// A cancel or cancel-all whose answer is lost is never sent again (one DELETE reaches the exchange), and the
/// orders are looked up to report what is true: cancelled (the result), still open, or unknown.
/// </summary>
public sealed class LostCancelAnswerTests : IClassFixture<ExchangeServerFixture>
{
    private readonly TestExchangeServer _server;

    public LostCancelAnswerTests(ExchangeServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Faults.Clear();
        _server.Requests.Clear();
    }

    public enum Loss { Fin, Rst, ServerError, Timeout }

    public static TheoryData<Loss, bool> EveryLossByIdAndClientId()
    {
        var data = new TheoryData<Loss, bool>();
        foreach (var loss in Enum.GetValues<Loss>())
        {
            data.Add(loss, true);
            data.Add(loss, false);
        }

        return data;
    }

    public static TheoryData<Loss> EveryLoss() => new(Enum.GetValues<Loss>());

    [Theory]
    [MemberData(nameof(EveryLossByIdAndClientId))]
    public async Task A_cancel_whose_answer_is_lost_is_found_cancelled(Loss loss, bool byOrderId)
    {
        var (trading, account) = Open(_server);
        var order = await RestingAsync(trading);
        _server.Faults.Add(LossOf(loss, "/api/v3/order", afterProcessing: true));

        var reference = new OrderReference("BTCUSDT", byOrderId ? order.OrderId : null, byOrderId ? null : order.ClientOrderId);
        var cancelled = await trading.CancelOrderAsync(reference, default);

        Assert.Equal(OrderStatus.Canceled, cancelled.Status);
        Assert.Equal(order.OrderId, cancelled.OrderId);
        Assert.Equal(order.ClientOrderId, cancelled.ClientOrderId);
        var delete = Assert.Single(_server.Requests.All, r => r.Method == "DELETE");
        Assert.True(delete.OnConnection > 1);
        Assert.Equal(0, account.OpenOrderCount);
        Assert.Equal(0m, account.Locked("USDT"));
    }

    [Theory]
    [MemberData(nameof(EveryLoss))]
    public async Task A_cancel_lost_before_the_exchange_acted_reports_the_order_still_open(Loss loss)
    {
        var (trading, account) = Open(_server, lookupPatience: TimeSpan.FromMilliseconds(600), recvWindow: 1000);
        var order = await RestingAsync(trading);
        _server.Faults.Add(LossOf(loss, "/api/v3/order", afterProcessing: false));

        var e = await Assert.ThrowsAsync<FxException>(() => trading.CancelOrderAsync(new OrderReference("BTCUSDT", order.OrderId, null), default));

        Assert.Equal("Fluxum.OrderStillOpen", e.ErrorId);
        Assert.Contains("not sent again", e.Message);
        Assert.Single(_server.Requests.All, r => r.Method == "DELETE");
        Assert.Equal(1, account.OpenOrderCount);
    }

    [Theory]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.CloseConnection)]
    public async Task A_cancel_whose_lookup_fails_too_is_unknown_and_not_resent(FaultKind lookupFault)
    {
        var (trading, _) = Open(_server);
        var order = await RestingAsync(trading);
        _server.Faults.Add(LossOf(Loss.Fin, "/api/v3/order", afterProcessing: true));
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/order", Method = "GET", Kind = lookupFault, Times = 100 });

        var e = await Assert.ThrowsAsync<FxException>(() => trading.CancelOrderAsync(new OrderReference("BTCUSDT", order.OrderId, null), default));
        _server.Faults.Clear();

        Assert.Equal("Fluxum.CancelOutcomeUnknown", e.ErrorId);
        Assert.Contains(order.OrderId, e.RecommendedAction);
        Assert.Single(_server.Requests.All, r => r.Method == "DELETE");
        Assert.Equal(OrderStatus.Canceled, (await trading.GetOrderAsync(new OrderReference("BTCUSDT", order.OrderId, null), default)).Status);
    }

    [Fact]
    public async Task A_lost_cancel_of_an_order_that_filled_first_says_so()
    {
        var (trading, _) = Open(_server, lookupPatience: TimeSpan.FromMilliseconds(600), recvWindow: 1000);
        var filled = await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.Market) { Quantity = 0.01m }, false, default);
        _server.Faults.Add(LossOf(Loss.Fin, "/api/v3/order", afterProcessing: false));

        var e = await Assert.ThrowsAsync<FxException>(() => trading.CancelOrderAsync(new OrderReference("BTCUSDT", filled.OrderId, null), default));

        Assert.Equal("Fluxum.OrderNotCancelled", e.ErrorId);
        Assert.Contains("Filled", e.Message);
        Assert.Single(_server.Requests.All, r => r.Method == "DELETE");
    }

    [Theory]
    [MemberData(nameof(EveryLoss))]
    public async Task A_cancel_all_whose_answer_is_lost_returns_the_orders_found_cancelled(Loss loss)
    {
        var (trading, account) = Open(_server);
        var orders = new[] { await RestingAsync(trading), await RestingAsync(trading, 0.8m) };
        _server.Faults.Add(LossOf(loss, "/api/v3/openOrders", afterProcessing: true));

        var cancelled = await trading.CancelAllAsync("BTCUSDT", default);

        Assert.Equal(orders.Select(o => o.OrderId).Order(), cancelled.Select(o => o.OrderId).Order());
        Assert.All(cancelled, o => Assert.Equal(OrderStatus.Canceled, o.Status));
        Assert.Single(_server.Requests.All, r => r.Method == "DELETE");
        Assert.Equal(0, account.OpenOrderCount);
    }

    [Theory]
    [MemberData(nameof(EveryLoss))]
    public async Task A_cancel_all_lost_before_the_exchange_acted_reports_the_orders_still_open(Loss loss)
    {
        var (trading, account) = Open(_server, lookupPatience: TimeSpan.FromMilliseconds(600), recvWindow: 1000);
        await RestingAsync(trading);
        await RestingAsync(trading, 0.8m);
        _server.Faults.Add(LossOf(loss, "/api/v3/openOrders", afterProcessing: false));

        var e = await Assert.ThrowsAsync<FxException>(() => trading.CancelAllAsync("BTCUSDT", default));

        Assert.Equal("Fluxum.OrderStillOpen", e.ErrorId);
        Assert.Contains("2 of them open", e.Message);
        Assert.Single(_server.Requests.All, r => r.Method == "DELETE");
        Assert.Equal(2, account.OpenOrderCount);
    }

    [Fact]
    public async Task A_cancel_all_whose_lookup_fails_too_is_unknown_and_not_resent()
    {
        var (trading, account) = Open(_server);
        await RestingAsync(trading);
        _server.Faults.Add(LossOf(Loss.Rst, "/api/v3/openOrders", afterProcessing: true));
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/allOrders", Kind = FaultKind.ServerError, Times = 100 });

        var e = await Assert.ThrowsAsync<FxException>(() => trading.CancelAllAsync("BTCUSDT", default));
        _server.Faults.Clear();

        Assert.Equal("Fluxum.CancelOutcomeUnknown", e.ErrorId);
        Assert.Single(_server.Requests.All, r => r.Method == "DELETE");
        Assert.Equal(0, account.OpenOrderCount); // it was cancelled; Fluxum could not find out
    }

    [Fact]
    public async Task Cancel_parameters_travel_in_the_form_body()
    {
        var (trading, _) = Open(_server);
        var order = await RestingAsync(trading);
        await trading.CancelOrderAsync(new OrderReference("BTCUSDT", order.OrderId, null), default);
        var delete = Assert.Single(_server.Requests.All, r => r.Method == "DELETE");
        Assert.Equal("", delete.Query);
        Assert.StartsWith($"symbol=BTCUSDT&orderId={order.OrderId}&recvWindow=", delete.Body);
    }

    private static async Task<Order> RestingAsync(BinanceSpotTrading trading, decimal factor = 0.9m)
    {
        var last = await LastPriceAsync(trading);
        return await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = Tick(last * factor) }, false, default);
    }

    private static Fault LossOf(Loss loss, string path, bool afterProcessing) => loss switch
    {
        Loss.Fin => new Fault { PathPrefix = path, Method = "DELETE", Kind = FaultKind.CloseConnection, AfterProcessing = afterProcessing },
        Loss.Rst => new Fault { PathPrefix = path, Method = "DELETE", Kind = FaultKind.ResetConnection, AfterProcessing = afterProcessing },
        Loss.ServerError => new Fault { PathPrefix = path, Method = "DELETE", Kind = FaultKind.ServerError, StatusCode = 502, AfterProcessing = afterProcessing },
        _ => new Fault { PathPrefix = path, Method = "DELETE", Kind = FaultKind.Delay, Delay = TradingAccount.Timeout * 2.5, AfterProcessing = afterProcessing },
    };
}
