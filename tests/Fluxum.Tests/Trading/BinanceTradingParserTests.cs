using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.Trading;

namespace Fluxum.Tests.Trading;

public class BinanceTradingParserTests
{
    private static SymbolInfo S(string native, string b, string q) =>
        new() { Exchange = ExchangeId.Binance, Symbol = $"{b}/{q}", NativeSymbol = native, BaseAsset = b, QuoteAsset = q };

    [Fact]
    public void Full_placement_answer_with_fills()
    {
        using var doc = Fixtures.Json("binance-spot/rest/new_order_full_doc.json");
        var info = S("BTCUSDT", "BTC", "USDT");
        var o = BinanceTradingParsers.Order(doc.RootElement, info);
        Assert.Equal("28", o.OrderId);
        Assert.Equal("6gCrw2kRUAF9CvJDGP16IP", o.ClientOrderId);
        Assert.Equal(OrderStatus.Filled, o.Status);
        Assert.Equal(OrderType.Market, o.Type);
        Assert.Equal(TradeSide.Sell, o.Side);
        Assert.Equal(TimeInForce.Gtc, o.TimeInForce);
        Assert.Null(o.Price); // 0.00000000 means none
        Assert.Equal(10m, o.Quantity);
        Assert.Equal(10m, o.ExecutedQuantity);
        Assert.Null(o.OrderListId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1507725176595), o.CreatedTime);
        Assert.False(o.IsOpen);

        var fills = BinanceTradingParsers.PlacementFills(doc.RootElement, info);
        Assert.Equal(5, fills.Count);
        Assert.Equal(4000m, fills[0].Price);
        Assert.Equal(1m, fills[0].Quantity);
        Assert.Equal(4m, fills[0].Fee);
        Assert.Equal("USDT", fills[0].FeeAsset);
        Assert.Equal("56", fills[0].TradeId);
        Assert.Equal(19.995m, fills[1].Fee);
        Assert.All(fills, f => Assert.Equal("28", f.OrderId));
    }

    [Fact]
    public void Open_order_keeps_its_client_id_and_working_state()
    {
        using var doc = Fixtures.Json("binance-spot/rest/open_orders_doc.json");
        var o = BinanceTradingParsers.Order(doc.RootElement[0], S("LTCBTC", "LTC", "BTC"));
        Assert.Equal("1", o.OrderId);
        Assert.Equal("myOrder1", o.ClientOrderId);
        Assert.Equal(0.1m, o.Price);
        Assert.Equal(1m, o.Quantity);
        Assert.Null(o.StopPrice);
        Assert.Equal(OrderStatus.New, o.Status);
        Assert.True(o.IsOpen);
        Assert.Equal(1m, o.RemainingQuantity);
        Assert.Null(o.AveragePrice);
    }

    [Fact]
    public void A_cancelled_order_reports_the_orders_own_client_id()
    {
        using var doc = Fixtures.Json("binance-spot/rest/cancel_open_orders_doc.json");
        var o = BinanceTradingParsers.Order(doc.RootElement[0], S("BTCUSDT", "BTC", "USDT"));
        Assert.Equal("E6APeyTJvkMvLMYMqu1KQ4", o.ClientOrderId); // origClientOrderId, not the cancel request's id
        Assert.Equal(OrderStatus.Canceled, o.Status);
        Assert.Equal(0.089853m, o.Price);
    }

    [Fact]
    public void My_trades_carry_fee_and_maker_flag()
    {
        using var doc = Fixtures.Json("binance-spot/rest/my_trades_doc.json");
        var f = BinanceTradingParsers.MyTrade(doc.RootElement[0], S("BNBBTC", "BNB", "BTC"));
        Assert.Equal("28457", f.TradeId);
        Assert.Equal("100234", f.OrderId);
        Assert.Null(f.OrderListId);
        Assert.Equal(TradeSide.Buy, f.Side);
        Assert.Equal(4.000001m, f.Price);
        Assert.Equal(12m, f.Quantity);
        Assert.Equal(48.000012m, f.QuoteQuantity);
        Assert.Equal(10.1m, f.Fee);
        Assert.Equal("BNB", f.FeeAsset);
        Assert.False(f.IsMaker);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1499865549590), f.Time);
    }

    [Fact]
    public void Account_with_commission_rates_and_balances()
    {
        using var doc = Fixtures.Json("binance-spot/rest/account_doc.json");
        var a = BinanceTradingParsers.Account(doc.RootElement, ExchangeId.Binance, "****abcd", "test");
        Assert.Equal("SPOT", a.AccountType);
        Assert.True(a.CanTrade);
        Assert.Equal(0.0015m, a.MakerCommission);
        Assert.Equal(0.0015m, a.TakerCommission);
        Assert.Equal("SPOT", a.Permissions);
        Assert.Equal(2, a.AssetsHeld);
        Assert.Equal("****abcd", a.ApiKey);

        var balances = BinanceTradingParsers.Balances(doc.RootElement, ExchangeId.Binance);
        Assert.Equal(4723846.89208129m, balances.Single(b => b.Asset == "BTC").Free);
        Assert.Equal(0m, balances.Single(b => b.Asset == "LTC").Locked);
    }

    [Fact]
    public void Older_account_shape_gives_commission_in_basis_points()
    {
        using var doc = Fixtures.Json("binance-spot/rest/account_doc_2.json");
        var a = BinanceTradingParsers.Account(doc.RootElement, ExchangeId.Binance, "k", "s");
        Assert.NotNull(a.MakerCommission);
        Assert.True(a.MakerCommission < 0.01m);
    }

    [Theory]
    [InlineData("LIMIT", OrderType.Limit)]
    [InlineData("STOP_LOSS_LIMIT", OrderType.StopLossLimit)]
    [InlineData("TAKE_PROFIT", OrderType.TakeProfit)]
    [InlineData("LIMIT_MAKER", OrderType.LimitMaker)]
    public void Order_types_round_trip(string wire, OrderType type)
    {
        Assert.Equal(type, BinanceTradingParsers.TypeOf(wire));
        Assert.Equal(wire, BinanceTradingParsers.WireType(type));
    }

    [Fact]
    public void Client_order_ids_fit_Binance_rules_and_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => BinanceSpotTrading.NewClientOrderId()).ToList();
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(@"^[\.A-Z\:/a-z0-9_-]{1,36}$", id));
    }

    [Fact]
    public void A_negative_order_price_is_an_error_naming_it_while_zero_still_means_none()
    {
        var text = Fixtures.Text("binance-spot/rest/open_orders_doc.json");
        using var negative = System.Text.Json.JsonDocument.Parse(text.Replace("\"price\": \"0.1\"", "\"price\": \"-0.1\"", StringComparison.Ordinal));
        var e = Assert.ThrowsAny<Fluxum.Errors.FxException>(() => BinanceTradingParsers.Order(negative.RootElement[0], S("LTCBTC", "LTC", "BTC")));
        Assert.Equal(Fluxum.Errors.FxErrorKind.InvalidResult, e.Kind);
        Assert.Equal("Binance's answer cannot be right: price is \"-0.1\", below zero.", e.Message); // handed over bare: at least the exchange

        using var zero = System.Text.Json.JsonDocument.Parse(text.Replace("\"price\": \"0.1\"", "\"price\": \"0.0\"", StringComparison.Ordinal));
        Assert.Null(BinanceTradingParsers.Order(zero.RootElement[0], S("LTCBTC", "LTC", "BTC")).Price);
    }

    [Fact]
    public void An_unfilled_order_executed_zero_and_an_order_list_id_of_minus_one_are_fine()
    {
        using var doc = Fixtures.Json("binance-spot/rest/open_orders_doc.json");
        var o = BinanceTradingParsers.Order(doc.RootElement[0], S("LTCBTC", "LTC", "BTC"));
        Assert.Equal(0m, o.ExecutedQuantity);
        Assert.Null(o.OrderListId);
    }
}
