using System.Text.Json;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Binance;

/// <summary>Recorded Binance stream frames (combined and raw) through the stream parsers.</summary>
public class BinanceStreamParserTests
{
    private static SymbolInfo S(string native, string b, string q) =>
        new() { Exchange = ExchangeId.Binance, Symbol = $"{b}/{q}", NativeSymbol = native, BaseAsset = b, QuoteAsset = q };

    private static System.Text.Json.JsonElement Event(string file)
    {
        using var doc = Fixtures.Json("binance-spot/ws/" + file);
        return BinanceStreamParsers.Payload(doc.RootElement).Clone();
    }

    [Fact]
    public void Trade_frame()
    {
        var e = Event("combined_trade_ETHUSDT.json");
        Assert.Equal("trade", BinanceStreamParsers.EventType(e));
        var t = BinanceStreamParsers.Trade(e, S("ETHUSDT", "ETH", "USDT"));
        Assert.Equal("705291099", t.Id);
        Assert.Equal(4149.74m, t.Price);
        Assert.Equal(0.4387m, t.Quantity);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1639351062243), t.Time);
        Assert.Equal(TradeSide.Sell, t.Side);
        Assert.Equal("ETH/USDT", t.Symbol);
    }

    [Fact]
    public void Aggregate_trade_frame()
    {
        var e = Event("combined_aggTrade.json");
        var t = BinanceStreamParsers.AggregateTrade(e, S("NKNUSDT", "NKN", "USDT"));
        Assert.Equal("15683430", t.Id);
        Assert.Equal(0.3528m, t.Price);
        Assert.Equal(58m, t.Quantity);
        Assert.Equal("19862790", t.FirstTradeId);
        Assert.Equal(TradeSide.Buy, t.Side);
        Assert.True(t.IsAggregate);
    }

    [Fact]
    public void Kline_frame_of_an_open_bar()
    {
        var e = Event("combined_kline_1m.json");
        Assert.Equal("kline", BinanceStreamParsers.EventType(e));
        var c = BinanceStreamParsers.Kline(e, S("NKNUSDT", "NKN", "USDT"));
        Assert.Equal("1m", c.Interval);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1633998480000), c.OpenTime);
        Assert.Equal(0.3527m, c.Open);
        Assert.Equal(0.3528m, c.Close);
        Assert.Equal(0.3528m, c.High);
        Assert.Equal(0.3522m, c.Low);
        Assert.Equal(25877m, c.Volume);
        Assert.Equal(9116.046m, c.QuoteVolume);
        Assert.Equal(30, c.TradeCount);
        Assert.Equal(58m, c.TakerBuyVolume);
        Assert.False(c.IsClosed);
    }

    [Fact]
    public void Full_and_mini_ticker_frames()
    {
        var full = BinanceStreamParsers.Ticker(Event("ticker_24hr_doc.json"), S("BNBBTC", "BNB", "BTC"));
        Assert.Equal(0.0025m, full.LastPrice);
        Assert.Equal(10m, full.LastQuantity);
        Assert.Equal(0.0024m, full.BidPrice);
        Assert.Equal(0.0026m, full.AskPrice);
        Assert.Equal(0.0015m, full.PriceChange);
        Assert.Equal(250m, full.PriceChangePercent);
        Assert.Equal(18151, full.TradeCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(86400000), full.CloseTime);

        var mini = BinanceStreamParsers.Ticker(Event("combined_miniTicker_doc.json"), S("BNBBTC", "BNB", "BTC"));
        Assert.Equal("24hrMiniTicker", BinanceStreamParsers.EventType(Event("combined_miniTicker_doc.json")));
        Assert.Equal(0.0025m, mini.LastPrice);
        Assert.Equal(0.0015m, mini.PriceChange); // close minus open when the event has no change field
        Assert.Null(mini.BidPrice);
        Assert.Equal(18m, mini.QuoteVolume);
    }

    [Fact]
    public void Book_ticker_frame_without_an_event_type()
    {
        var e = Event("combined_bookTicker.json");
        Assert.Equal("bookTicker", BinanceStreamParsers.EventType(e));
        var b = BinanceStreamParsers.BookTicker(e, S("NKNUSDT", "NKN", "USDT"));
        Assert.Equal(0.3521m, b.BidPrice);
        Assert.Equal(672m, b.BidQuantity);
        Assert.Equal(0.3526m, b.AskPrice);
        Assert.Equal(3199m, b.AskQuantity);
    }

    [Fact]
    public void Depth_update_frame()
    {
        var d = BinanceStreamParsers.DepthUpdate(Event("combined_depthUpdate.json"));
        Assert.Equal("NKNUSDT", d.NativeSymbol);
        Assert.Equal(499869750, d.FirstUpdateId);
        Assert.Equal(499869752, d.LastUpdateId);
        Assert.Null(d.PreviousUpdateId);
        Assert.Equal(3, d.Bids.Length);
        Assert.Equal((0.3513m, 6195m), d.Bids[0]);
        Assert.Empty(d.Asks);
    }

    [Fact]
    public void A_zero_quantity_in_a_diff_removes_a_level_and_a_negative_one_is_an_error_naming_it()
    {
        using var removal = JsonDocument.Parse("""{"e":"depthUpdate","E":1,"s":"NKNUSDT","U":1,"u":2,"b":[["0.35","0"]],"a":[]}""");
        Assert.Equal((0.35m, 0m), Assert.Single(BinanceStreamParsers.DepthUpdate(removal.RootElement).Bids));

        using var negative = JsonDocument.Parse("""{"e":"depthUpdate","E":1,"s":"NKNUSDT","U":1,"u":2,"b":[],"a":[["0.35","1"],["0.36","-1"]]}""");
        var e = Assert.ThrowsAny<Fluxum.Errors.FxException>(() => BinanceStreamParsers.DepthUpdate(negative.RootElement));
        Assert.Equal(Fluxum.Errors.FxErrorKind.InvalidResult, e.Kind);
        Assert.Equal("Binance's depthUpdate event cannot be right: a[1][1] is \"-1\", below zero.", e.Message);
    }
}
