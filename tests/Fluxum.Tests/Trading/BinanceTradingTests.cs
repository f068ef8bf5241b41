using System.Security.Cryptography;
using Fluxum.Credentials;
using Fluxum.Engine;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Trading;
using Fluxum.Tests.Support;
using Fluxum.Trading;

namespace Fluxum.Tests.Trading;

/// <summary>The Binance account client against the test exchange, which verifies signatures and matches orders.</summary>
public sealed class BinanceTradingTests : IClassFixture<ExchangeServerFixture>
{
    private readonly TestExchangeServer _server;

    public BinanceTradingTests(ExchangeServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Faults.Clear();
        _server.Requests.Clear();
    }

    private (BinanceSpotTrading Trading, BinanceAccount Account) Open(string? pem = null, string? publicPem = null)
    {
        var key = "key-" + Guid.NewGuid().ToString("N")[..12];
        var secret = pem ?? "secret-" + Guid.NewGuid().ToString("N");
        var account = publicPem is null ? _server.BinanceAccounts.AddHmacAccount(key, secret) : _server.BinanceAccounts.AddKeyPairAccount(key, publicPem);
        account.Deposit("USDT", 100_000m);
        account.Deposit("BTC", 2m);
        return (ExchangeClients.BinanceTrading(_server, key, secret, timeout: TimeSpan.FromSeconds(2)), account);
    }

    [Fact]
    public async Task A_limit_order_rests_locks_funds_and_cancels()
    {
        var (trading, account) = Open();
        var order = await trading.PlaceOrderAsync(new OrderRequest("BTC/USDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = 1000m }, false, default);
        Assert.Equal(OrderStatus.New, order.Status);
        Assert.StartsWith("fx", order.ClientOrderId);
        Assert.Equal(10m, account.Locked("USDT"));
        Assert.Equal(99_990m, account.Free("USDT"));

        var open = await trading.GetOpenOrdersAsync("BTCUSDT", default);
        Assert.Equal(order.OrderId, Assert.Single(open).OrderId);
        var byClientId = await trading.GetOrderAsync(new OrderReference("BTCUSDT", null, order.ClientOrderId), default);
        Assert.Equal(order.OrderId, byClientId.OrderId);

        var cancelled = await trading.CancelOrderAsync(new OrderReference("BTCUSDT", order.OrderId, null), default);
        Assert.Equal(OrderStatus.Canceled, cancelled.Status);
        Assert.Equal(order.ClientOrderId, cancelled.ClientOrderId);
        Assert.Equal(0m, account.Locked("USDT"));
        Assert.Empty(await trading.GetOpenOrdersAsync("BTCUSDT", default));
    }

    [Fact]
    public async Task A_market_buy_fills_against_the_book_and_moves_balances_with_the_fee()
    {
        var (trading, account) = Open();
        var order = await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { Quantity = 0.05m }, false, default);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(0.05m, order.ExecutedQuantity);
        Assert.True(order.AveragePrice > 0);
        Assert.Equal(2m + 0.05m * (1 - BinanceAccounts.FeeRate), account.Free("BTC"));
        Assert.Equal(100_000m - order.CumulativeQuoteQuantity, account.Free("USDT") + account.Locked("USDT"));

        var fills = (await trading.GetFillsAsync(new HistoryQuery("BTCUSDT"), default)).Rows;
        Assert.Equal(0.05m, fills.Sum(f => f.Quantity));
        Assert.All(fills, f => Assert.Equal("BTC", f.FeeAsset));
        Assert.Equal(0.05m * BinanceAccounts.FeeRate, fills.Sum(f => f.Fee));
    }

    [Fact]
    public async Task Rsa_and_Ed25519_keys_sign_requests_the_exchange_accepts()
    {
        using var rsa = RSA.Create(2048);
        var (rsaTrading, _) = Open(rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
        Assert.True((await rsaTrading.GetAccountAsync(default)).CanTrade);

        var generator = new Org.BouncyCastle.Crypto.Generators.Ed25519KeyPairGenerator();
        generator.Init(new Org.BouncyCastle.Crypto.Parameters.Ed25519KeyGenerationParameters(new Org.BouncyCastle.Security.SecureRandom()));
        var pair = generator.GenerateKeyPair();
        string Pem(string label, byte[] der) => $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks)}\n-----END {label}-----\n";
        var privatePem = Pem("PRIVATE KEY", Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetEncoded());
        var publicPem = Pem("PUBLIC KEY", Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetEncoded());
        var (edTrading, _) = Open(privatePem, publicPem);
        Assert.True((await edTrading.GetAccountAsync(default)).CanTrade);
        Assert.Equal("Ed25519", edTrading.Authenticator.Algorithm);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_minus_1022_as_a_security_error()
    {
        var (good, _) = Open();
        var wrong = ExchangeClients.BinanceTrading(good.Connection, new ExchangeCredential(ExchangeId.Binance, good.Credential.ApiKey, "not-the-secret", "test"));
        var e = await Assert.ThrowsAsync<ExchangeErrorException>(() => wrong.GetBalancesAsync(default));
        Assert.Equal("Binance.-1022", e.ErrorId);
        Assert.Equal(FxErrorKind.SecurityError, e.Kind);
        Assert.DoesNotContain("not-the-secret", e.Message);

        var unknown = ExchangeClients.BinanceTrading(good.Connection, new ExchangeCredential(ExchangeId.Binance, "nobody", "x", "test"));
        var u = await Assert.ThrowsAsync<ExchangeErrorException>(() => unknown.GetBalancesAsync(default));
        Assert.Equal("Binance.-2015", u.ErrorId);
        Assert.Equal(FxErrorKind.PermissionDenied, u.Kind);
    }

    [Fact]
    public async Task A_skewed_clock_is_resynced_once_after_minus_1021()
    {
        var (trading, _) = Open();
        trading.Connection.Clock.Offset = TimeSpan.FromSeconds(-30);
        var balances = await trading.GetBalancesAsync(default);
        Assert.Contains(balances, b => b.Asset == "USDT");
        Assert.InRange(trading.Connection.Clock.Offset.TotalSeconds, -2, 2);
        Assert.Equal(2, _server.Requests.Count("/api/v3/account"));
    }

    [Fact]
    public async Task A_second_minus_1021_after_the_resync_is_a_clear_clock_error()
    {
        var (trading, _) = Open();
        _server.Faults.Add(new Fault
        {
            PathPrefix = "/api/v3/account", Kind = FaultKind.ExchangeError, Times = 2,
            Body = """{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}""",
        });
        var e = await Assert.ThrowsAsync<FxException>(() => trading.GetBalancesAsync(default));
        Assert.Equal("Fluxum.ClockSkew", e.ErrorId);
        Assert.Contains("recvWindow", e.Message);
        Assert.NotNull(e.RecommendedAction);
        Assert.Equal(2, _server.Requests.Count("/api/v3/account"));
        Assert.Equal(1, _server.Requests.Count("/api/v3/time"));
    }

    [Theory]
    [InlineData(FaultKind.DropConnection)]
    [InlineData(FaultKind.ServerError)]
    public async Task An_order_whose_answer_is_lost_is_found_by_client_id_and_never_sent_twice(FaultKind kind)
    {
        var (trading, account) = Open();
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/order", Kind = kind, AfterProcessing = true });
        var order = await trading.PlaceOrderAsync(
            new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = 1000m, ClientOrderId = "lost-answer-1" }, false, default);

        Assert.Equal("lost-answer-1", order.ClientOrderId);
        Assert.Equal(OrderStatus.New, order.Status);
        Assert.Equal(1, account.OrderCount);
        Assert.Single(_server.Requests.All, r => r.Method == "POST" && r.Path == "/api/v3/order");
    }

    [Fact]
    public async Task An_order_whose_answer_comes_too_late_is_found_by_client_id()
    {
        var (trading, account) = Open(); // 2 s request timeout
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/order", Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(4), AfterProcessing = true });
        var order = await trading.PlaceOrderAsync(
            new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = 20000m, ClientOrderId = "slow-answer-1" }, false, default);
        Assert.Equal("slow-answer-1", order.ClientOrderId);
        Assert.Equal(1, account.OrderCount);
        Assert.Single(_server.Requests.All, r => r.Method == "POST" && r.Path == "/api/v3/order");
    }

    [Fact]
    public async Task A_lost_answer_for_an_order_that_was_never_placed_is_reported_not_resent()
    {
        var (trading, account) = Open();
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/order", Kind = FaultKind.ServerError, StatusCode = 502 });
        var e = await Assert.ThrowsAsync<FxException>(() => trading.PlaceOrderAsync(
            new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = 1000m }, false, default));
        Assert.Equal("Fluxum.OrderNotPlaced", e.ErrorId);
        Assert.Equal(0, account.OrderCount);
        Assert.Single(_server.Requests.All, r => r.Method == "POST" && r.Path == "/api/v3/order");
    }

    [Fact]
    public async Task Test_orders_are_validated_by_the_exchange_and_never_placed()
    {
        var (trading, account) = Open();
        var order = await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.Market) { Quantity = 0.01m }, true, default);
        Assert.True(order.IsTest);
        Assert.Equal(0, account.OrderCount);
        Assert.Equal(1, _server.Requests.Count("/api/v3/order/test"));
    }

    [Fact]
    public async Task Exchange_refusals_keep_their_codes_and_categories()
    {
        var (trading, _) = Open();
        var filter = await Assert.ThrowsAsync<ExchangeErrorException>(() => trading.PlaceOrderAsync(
            new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = 1000.005m }, false, default));
        Assert.Equal("Binance.-1013", filter.ErrorId);
        Assert.Equal(FxErrorKind.InvalidArgument, filter.Kind);

        var funds = await Assert.ThrowsAsync<ExchangeErrorException>(() => trading.PlaceOrderAsync(
            new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.Limit) { Quantity = 50m, Price = 1_000_000m }, false, default));
        Assert.Equal("Binance.-2010", funds.ErrorId);
        Assert.Equal(FxErrorKind.InvalidOperation, funds.Kind);
    }

    [Fact]
    public async Task Cancel_all_and_history_paging()
    {
        var (trading, _) = Open();
        for (int i = 0; i < 3; i++)
        {
            await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = 1000m + i }, false, default);
        }

        var cancelled = await trading.CancelAllAsync("BTCUSDT", default);
        Assert.Equal(3, cancelled.Count);
        Assert.All(cancelled, o => Assert.Equal(OrderStatus.Canceled, o.Status));
        var history = new List<Order>();
        await foreach (var o in HistoryPager.ReadAsync(q => trading.GetOrderHistoryAsync(q, default), new HistoryQuery("BTCUSDT"), 100,
                           o => o.OrderId, o => o.CreatedTime))
        {
            history.Add(o);
        }

        Assert.Equal(3, history.Count);
    }

    private static async Task<decimal> LastAsync(BinanceSpotTrading t) =>
        (await t.Connection.Market.GetPriceTickersAsync(new[] { "BTCUSDT" }, default)).Single().Price;

    private static decimal Tick(decimal price) => Math.Round(price, 2);

    [Fact]
    public async Task An_OCO_rests_both_legs_on_one_reservation()
    {
        var (trading, account) = Open();
        var last = await LastAsync(trading);
        var takeProfit = new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.LimitMaker) { Quantity = 0.1m, Price = Tick(last * 1.5m) };
        var stopLoss = new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.StopLossLimit) { Quantity = 0.1m, StopPrice = Tick(last * 0.6m), Price = Tick(last * 0.59m) };
        var orders = await trading.PlaceOrderListAsync(new OrderListRequest("BTCUSDT", OrderListKind.Oco, takeProfit, stopLoss), default);

        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => Assert.Equal(OrderStatus.New, o.Status));
        Assert.Single(orders.Select(o => o.OrderListId).Distinct());
        Assert.NotNull(orders[0].OrderListId);
        Assert.Equal(new[] { OrderType.LimitMaker, OrderType.StopLossLimit }, orders.Select(o => o.Type));
        Assert.Equal(0.1m, account.Locked("BTC")); // one reservation for both legs
        Assert.Equal(2, (await trading.GetOpenOrdersAsync("BTCUSDT", default)).Count);
    }

    [Fact]
    public async Task An_OTO_places_the_pending_order_when_the_working_one_fills()
    {
        var (trading, _) = Open();
        var last = await LastAsync(trading);
        var working = new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.1m, Price = Tick(last * 1.01m) };
        var pending = new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.LimitMaker) { Quantity = 0.1m, Price = Tick(last * 1.5m) };
        var orders = await trading.PlaceOrderListAsync(new OrderListRequest("BTCUSDT", OrderListKind.Oto, working, pending), default);

        Assert.Equal(OrderStatus.Filled, orders[0].Status); // crossed the book at once
        var open = Assert.Single(await trading.GetOpenOrdersAsync("BTCUSDT", default));
        Assert.Equal(orders[1].OrderId, open.OrderId);
        Assert.Equal(TradeSide.Sell, open.Side);
    }

    [Fact]
    public async Task A_pending_OTO_order_waits_while_the_working_order_rests()
    {
        var (trading, _) = Open();
        var last = await LastAsync(trading);
        var working = new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.1m, Price = Tick(last * 0.5m) };
        var pending = new OrderRequest("BTCUSDT", TradeSide.Sell, OrderType.LimitMaker) { Quantity = 0.1m, Price = Tick(last * 1.5m) };
        var orders = await trading.PlaceOrderListAsync(new OrderListRequest("BTCUSDT", OrderListKind.Oto, working, pending), default);
        Assert.Equal(OrderStatus.New, orders[0].Status);
        Assert.Equal(OrderStatus.PendingNew, orders[1].Status);
    }

    [Theory]
    [InlineData(OrderType.Limit, TradeSide.Buy, 0.9, null, OrderStatus.New)]
    [InlineData(OrderType.LimitMaker, TradeSide.Sell, 1.1, null, OrderStatus.New)]
    [InlineData(OrderType.StopLoss, TradeSide.Sell, null, 0.9, OrderStatus.New)]
    [InlineData(OrderType.StopLossLimit, TradeSide.Sell, 0.89, 0.9, OrderStatus.New)]
    [InlineData(OrderType.TakeProfit, TradeSide.Sell, null, 1.1, OrderStatus.New)]
    [InlineData(OrderType.TakeProfitLimit, TradeSide.Sell, 1.11, 1.1, OrderStatus.New)]
    [InlineData(OrderType.Market, TradeSide.Sell, null, null, OrderStatus.Filled)]
    public async Task Every_order_type_is_accepted(OrderType type, TradeSide side, double? priceFactor, double? stopFactor, OrderStatus expected)
    {
        var (trading, _) = Open();
        var last = await LastAsync(trading);
        var order = await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", side, type)
        {
            Quantity = 0.01m,
            Price = priceFactor is { } p ? Tick(last * (decimal)p) : null,
            StopPrice = stopFactor is { } s ? Tick(last * (decimal)s) : null,
        }, false, default);
        Assert.Equal(type, order.Type);
        Assert.Equal(expected, order.Status);
    }

    [Fact]
    public async Task A_market_buy_by_quote_amount_spends_about_that_much()
    {
        var (trading, _) = Open();
        var order = await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Market) { QuoteQuantity = 500m }, false, default);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.InRange(order.CumulativeQuoteQuantity, 495m, 500m);
        Assert.True(order.ExecutedQuantity > 0);
    }

    [Fact]
    public async Task Order_rate_headers_are_followed()
    {
        var (trading, _) = Open();
        await trading.PlaceOrderAsync(new OrderRequest("BTCUSDT", TradeSide.Buy, OrderType.Limit) { Quantity = 0.01m, Price = 1000m }, false, default);
        Assert.Contains("orders", trading.Transport.AccountGate!.Usage);
    }
}
