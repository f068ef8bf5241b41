using System.Text;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Signing;
using Fluxum.Engine.Streams;
using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.Trading;

namespace Fluxum.Tests.Streams;

/// <summary>The user data protocol on Binance's recorded (documented) events, and its subscription message.</summary>
public class BinanceUserDataTests
{
    private static readonly SymbolInfo EthBtc = new() { Exchange = ExchangeId.Binance, Symbol = "ETH/BTC", NativeSymbol = "ETHBTC" };
    private static readonly SymbolInfo EthUsdt = new() { Exchange = ExchangeId.Binance, Symbol = "ETH/USDT", NativeSymbol = "ETHUSDT" };

    [Fact]
    public void A_wrapped_new_order_report_becomes_an_order_and_no_fill()
    {
        var (sink, _, protocol) = Open();
        protocol.OnFrame(Encoding.UTF8.GetBytes(Fixtures.Text("binance-spot/ws/executionReport_wrapped_doc.json")));
        var order = Assert.IsType<Order>(Assert.Single(sink.Items));
        Assert.Equal("ETH/BTC", order.Symbol);
        Assert.Equal("4293153", order.OrderId);
        Assert.Equal("mUvoqJxFIILMdfAW5iGSOW", order.ClientOrderId);
        Assert.Equal(TradeSide.Buy, order.Side);
        Assert.Equal(OrderType.Limit, order.Type);
        Assert.Equal(TimeInForce.Gtc, order.TimeInForce);
        Assert.Equal(OrderStatus.New, order.Status);
        Assert.Equal(0.10264410m, order.Price);
        Assert.Equal(1m, order.Quantity);
        Assert.Null(order.StopPrice);
        Assert.Null(order.OrderListId);
        Assert.Equal(0m, order.ExecutedQuantity);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1499405658657), order.CreatedTime);
    }

    [Fact]
    public void A_trade_report_becomes_the_order_and_its_fill()
    {
        var (sink, _, protocol) = Open();
        protocol.OnFrame(Encoding.UTF8.GetBytes(Fixtures.Text("binance-spot/ws/executionReport_trade_doc.json")));
        var items = sink.Items.ToList();
        Assert.Equal(2, items.Count);
        var order = Assert.IsType<Order>(items[0]);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(1m, order.ExecutedQuantity);
        Assert.Equal(2500m, order.CumulativeQuoteQuantity);
        var fill = Assert.IsType<Fill>(items[1]);
        Assert.Equal("98765432", fill.TradeId);
        Assert.Equal("12345678", fill.OrderId);
        Assert.Equal(2500m, fill.Price);
        Assert.Equal(1m, fill.Quantity);
        Assert.Equal(2500m, fill.QuoteQuantity);
        Assert.Equal(0.001m, fill.Fee);
        Assert.Equal("ETH", fill.FeeAsset);
        Assert.True(fill.IsMaker);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1709654401000), fill.Time);
    }

    [Fact]
    public void An_account_position_becomes_balances()
    {
        var (sink, _, protocol) = Open();
        protocol.OnFrame(Encoding.UTF8.GetBytes(Fixtures.Text("binance-spot/ws/outboundAccountPosition_wrapped_doc.json")));
        var balance = Assert.IsType<Balance>(Assert.Single(sink.Items));
        Assert.Equal("ETH", balance.Asset);
        Assert.Equal(10000m, balance.Free);
        Assert.Equal(0m, balance.Locked);
    }

    [Fact]
    public void Every_connect_subscribes_with_a_fresh_signature_over_the_sorted_parameters()
    {
        var (_, link, protocol) = Open();
        protocol.OnConnected(link, ConnectKind.Recovered);
        Assert.Equal(2, link.Sent.Count);
        using var doc = System.Text.Json.JsonDocument.Parse(link.Sent[1]);
        var p = doc.RootElement.GetProperty("params");
        Assert.Equal("userDataStream.subscribe.signature", doc.RootElement.GetProperty("method").GetString());
        Assert.Equal("key-1", p.GetProperty("apiKey").GetString());
        var timestamp = p.GetProperty("timestamp").GetInt64();
        Assert.Equal(1_700_000_000_000, timestamp);
        var expected = new HmacSha256Signer("secret-1").Sign($"apiKey=key-1&timestamp={timestamp}");
        Assert.Equal(expected, p.GetProperty("signature").GetString());
        Assert.DoesNotContain("secret-1", link.Sent[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_subscription_fails_the_stream_as_an_authentication_error_and_a_terminated_stream_subscribes_again()
    {
        var (_, link, protocol) = Open();
        protocol.OnFrame(Encoding.UTF8.GetBytes("{\"subscriptionId\":0,\"event\":{\"e\":\"eventStreamTerminated\",\"E\":1}}"));
        Assert.Equal(2, link.Sent.Count);
        protocol.OnFrame(Encoding.UTF8.GetBytes("{\"id\":\"subscribe-3\",\"status\":400,\"error\":{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}}"));
        Assert.Equal("Binance.-1022", link.Failure!.ErrorId);
        Assert.Equal(Errors.FxErrorKind.AuthenticationError, link.Failure.Kind);
    }

    private static (RecordingSink, RecordingLink, BinanceUserDataProtocol) Open()
    {
        var sink = new RecordingSink();
        var link = new RecordingLink();
        var symbols = new[] { EthBtc, EthUsdt }.ToDictionary(s => s.NativeSymbol);
        var protocol = new BinanceUserDataProtocol("key-1", new HmacSha256Signer("secret-1"), () => DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000),
            native => symbols.GetValueOrDefault(native), sink);
        protocol.OnConnected(link, ConnectKind.Initial);
        return (sink, link, protocol);
    }
}
