using System.Globalization;
using System.Text.Json;
using Fluxum.Books;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Json;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Kraken;

/// <summary>Recorded Kraken WebSocket v2 frames, and frames in the documented v2 shapes, through the stream parsers.</summary>
public class KrakenStreamParserTests
{
    private static SymbolInfo S(string symbol) => new()
    {
        Exchange = ExchangeId.Kraken, Symbol = symbol, NativeSymbol = symbol.Replace("/", "", StringComparison.Ordinal).Replace("BTC", "XBT", StringComparison.Ordinal),
        BaseAsset = symbol.Split('/')[0], QuoteAsset = symbol.Split('/')[1],
    };

    private static readonly Func<string, SymbolInfo?> Any = name => S(name);

    private static JsonElement Fixture(string file)
    {
        using var doc = Fixtures.Json("kraken/ws/" + file);
        return doc.RootElement.Clone();
    }

    private static JsonElement Frame(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Recorded_book_snapshot_keeps_the_wire_scale_and_its_checksum_verifies()
    {
        var frame = Fixture("v2_book_snapshot_USDG_USD_checksum_verified.json");
        var kind = KrakenStreamParsers.Classify(frame);
        Assert.Equal(KrakenFrameKind.Book, kind.Kind);
        Assert.True(kind.IsSnapshot);

        var e = Assert.Single(KrakenStreamParsers.Books(frame));
        Assert.Equal("USDG/USD", e.Symbol);
        Assert.True(e.IsSnapshot);
        Assert.Equal(3225719247u, e.Checksum);
        Assert.Equal(new DateTimeOffset(2026, 9, 17, 6, 16, 44, TimeSpan.Zero).AddTicks(3867540), e.Time);
        Assert.Equal(10, e.Bids.Length);
        Assert.Equal(10, e.Asks.Length);
        Assert.Equal((0.9999m, 653645.22211m), e.Bids[0]);
        Assert.Equal((0.9835m, 240.14072m), e.Bids[9]);
        Assert.Equal((1.0000m, 382506.65119m), e.Asks[0]);
        Assert.Equal((1.0024m, 5000.00000m), e.Asks[9]);

        // Trailing zeros are part of the checksummed text: they must survive parsing.
        Assert.Equal("0.9990", Text(e.Bids[6].Price));
        Assert.Equal("1.0000", Text(e.Asks[0].Price));
        Assert.Equal("357570.43200", Text(e.Asks[2].Quantity));
        Assert.Equal("5000.00000", Text(e.Asks[9].Quantity));

        var book = new LocalOrderBook(ExchangeId.Kraken, "USDG/USD", "USDGUSD");
        Assert.Equal(DiffResult.Applied, e.ApplyTo(book, depth: 10));
        Assert.True(book.IsValid);
        Assert.Equal(3225719247u, KrakenChecksum.Compute(book.Bids, book.Asks));
        Assert.Equal(0.9999m, book.Bids.BestPrice);
        Assert.Equal(1.0000m, book.Asks.BestPrice);
    }

    [Fact]
    public void A_snapshot_whose_checksum_does_not_match_leaves_the_book_invalid()
    {
        var e = KrakenStreamParsers.Books(Fixture("v2_book_snapshot_USDG_USD_checksum_verified.json"))[0] with { Checksum = 3225719248 };
        var book = new LocalOrderBook(ExchangeId.Kraken, "USDG/USD", "USDGUSD");
        Assert.Equal(DiffResult.Gap, e.ApplyTo(book, depth: 10));
        Assert.False(book.IsValid);
    }

    [Fact]
    public void Updates_are_applied_truncated_to_the_depth_and_checked()
    {
        var book = new LocalOrderBook(ExchangeId.Kraken, "USDG/USD", "USDGUSD");
        KrakenStreamParsers.Books(Fixture("v2_book_snapshot_USDG_USD_checksum_verified.json"))[0].ApplyTo(book, depth: 10);

        // A new best bid pushes 0.9835 out of a depth-10 book, and 1.0000 is taken: Kraken sends no removal for 0.9835.
        const string update = """
            {"channel":"book","type":"update","data":[{"symbol":"USDG/USD","bids":[{"price":0.99995,"qty":12.50000}],
             "asks":[{"price":1.0000,"qty":0}],"checksum":CHECKSUM,"timestamp":"2026-09-17T06:16:44.500000Z"}]}
            """;

        // The checksum of the book Kraken's guide describes, written out by hand: asks from 1.0001, then bids from 0.99995.
        var expected = KrakenChecksum.Crc32(System.Text.Encoding.ASCII.GetBytes(
            "10001" + "24221590771" + "10002" + "35757043200" + "10003" + "93679708901" + "10004" + "1057885361" + "10005" + "8365647123"
            + "10007" + "1581907585" + "10010" + "2365503579" + "10015" + "3537252894" + "10024" + "500000000"
            + "99995" + "1250000" + "9999" + "65364522211" + "9998" + "2138949905" + "9997" + "31118188799" + "9996" + "93594900167"
            + "9995" + "525262" + "9993" + "1581907585" + "9990" + "2804534609" + "9985" + "3537252894" + "9900" + "1007905"));
        var frame = Frame(update.Replace("CHECKSUM", expected.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var e = Assert.Single(KrakenStreamParsers.Books(frame));
        Assert.False(e.IsSnapshot);
        Assert.Equal(DiffResult.Applied, e.ApplyTo(book, depth: 10));
        Assert.Equal(10, book.Bids.Count);
        Assert.Equal(9, book.Asks.Count);
        Assert.Equal(0.99995m, book.Bids.BestPrice);
        Assert.Equal(0.9900m, book.Bids[9].Price);
        Assert.Equal(1.0001m, book.Asks.BestPrice);

        var wrong = KrakenStreamParsers.Books(frame)[0] with { Checksum = expected + 1 };
        Assert.Equal(DiffResult.Gap, wrong.ApplyTo(book, depth: 10));
    }

    [Fact]
    public void Documented_book_snapshot_shape()
    {
        var e = Assert.Single(KrakenStreamParsers.Books(Fixture("v2_book_snapshot_shape_only.json")));
        Assert.Equal("BTC/USD", e.Symbol);
        Assert.Equal(new[] { (105944.20m, 0.136m), (105935.40m, 0.024m), (105920.10m, 0.052m) }, e.Bids);
        Assert.Equal(new[] { (105944.30m, 0.136m), (105946.90m, 0.095m), (105955.80m, 0.003m) }, e.Asks);
        Assert.Equal("105944.20", Text(e.Bids[0].Price));
        Assert.Equal(2439117997u, e.Checksum);
        Assert.Equal(new DateTimeOffset(2023, 10, 6, 17, 35, 55, TimeSpan.Zero).AddTicks(4402950), e.Time);
    }

    [Fact]
    public void Recorded_ticker_snapshot_as_ticker_and_book_ticker()
    {
        var frame = Fixture("v2_ticker_snapshot.json");
        Assert.Equal(KrakenFrameKind.Ticker, KrakenStreamParsers.Classify(frame).Kind);

        var t = Assert.Single(KrakenStreamParsers.Tickers(frame, Any));
        Assert.Equal(ExchangeId.Kraken, t.Exchange);
        Assert.Equal("BTC/USD", t.Symbol);
        Assert.Equal("XBTUSD", t.NativeSymbol);
        Assert.Equal(105899.4m, t.LastPrice);
        Assert.Equal(105944.2m, t.BidPrice);
        Assert.Equal(2.5m, t.BidQuantity);
        Assert.Equal(105944.3m, t.AskPrice);
        Assert.Equal(3.2m, t.AskQuantity);
        Assert.Equal(163.28908096m, t.Volume);
        Assert.Equal(105904.39279m, t.WeightedAveragePrice);
        Assert.Equal(163.28908096m * 105904.39279m, t.QuoteVolume);
        Assert.Equal(104711m, t.LowPrice);
        Assert.Equal(106613.1m, t.HighPrice);
        Assert.Equal(250m, t.PriceChange);
        Assert.Equal(0.24m, t.PriceChangePercent);
        Assert.Equal(105649.4m, t.OpenPrice);
        var time = new DateTimeOffset(2022, 12, 25, 9, 30, 59, TimeSpan.Zero).AddTicks(1234560);
        Assert.Equal(time, t.CloseTime);
        Assert.Equal(time.AddDays(-1), t.OpenTime);

        var b = Assert.Single(KrakenStreamParsers.BookTickers(frame, Any));
        Assert.Equal("BTC/USD", b.Symbol);
        Assert.Equal(105944.2m, b.BidPrice);
        Assert.Equal(2.5m, b.BidQuantity);
        Assert.Equal(105944.3m, b.AskPrice);
        Assert.Equal(3.2m, b.AskQuantity);
    }

    [Fact]
    public void Recorded_subscribe_acknowledgement()
    {
        var f = KrakenStreamParsers.Classify(Fixture("v2_subscribe_response.json"));
        Assert.Equal(KrakenFrameKind.Subscribed, f.Kind);
        Assert.Equal("subscribe", f.Method);
        Assert.Equal(1, f.RequestId);
        Assert.True(f.Success);
        Assert.Null(f.Error);
        Assert.Equal("ticker", f.Channel);
        Assert.Equal("BTC/USD", f.Symbol);
    }

    [Fact]
    public void Recorded_order_answers_are_method_results()
    {
        var ok = KrakenStreamParsers.Classify(Fixture("v2_add_order_response_success.json"));
        Assert.Equal(KrakenFrameKind.MethodResult, ok.Kind);
        Assert.Equal("add_order", ok.Method);
        Assert.Equal(42, ok.RequestId);
        Assert.True(ok.Success);
        Assert.Null(ok.Error);

        var refused = KrakenStreamParsers.Classify(Fixture("v2_add_order_response_failure.json"));
        Assert.Equal(KrakenFrameKind.MethodResult, refused.Kind);
        Assert.Equal(99, refused.RequestId);
        Assert.False(refused.Success);
        Assert.Equal("EOrder:Insufficient funds", refused.Error);
    }

    [Fact]
    public void A_refused_subscription_names_the_error_and_symbol()
    {
        var f = KrakenStreamParsers.Classify(Frame("""
            {"error":"Currency pair not supported XYZ/USD","method":"subscribe","req_id":7,"success":false,"symbol":"XYZ/USD",
             "time_in":"2023-09-25T09:04:31.742599Z","time_out":"2023-09-25T09:04:31.742648Z"}
            """));
        Assert.Equal(KrakenFrameKind.Subscribed, f.Kind);
        Assert.False(f.Success);
        Assert.Equal(7, f.RequestId);
        Assert.Equal("Currency pair not supported XYZ/USD", f.Error);
        Assert.Equal("XYZ/USD", f.Symbol);
    }

    [Fact]
    public void Control_frames_are_classified()
    {
        var pong = KrakenStreamParsers.Classify(Frame("""{"method":"pong","req_id":101,"time_in":"2023-09-24T14:10:23.799685Z","time_out":"2023-09-24T14:10:23.799703Z"}"""));
        Assert.Equal(KrakenFrameKind.Pong, pong.Kind);
        Assert.Equal(101, pong.RequestId);
        Assert.True(pong.Success);

        var unsubscribed = KrakenStreamParsers.Classify(Frame("""{"method":"unsubscribe","result":{"channel":"book","depth":10,"symbol":"BTC/USD"},"success":true,"req_id":3}"""));
        Assert.Equal(KrakenFrameKind.Unsubscribed, unsubscribed.Kind);
        Assert.Equal("book", unsubscribed.Channel);
        Assert.Equal(3, unsubscribed.RequestId);

        Assert.Equal(KrakenFrameKind.Heartbeat, KrakenStreamParsers.Classify(Frame("""{"channel":"heartbeat"}""")).Kind);

        var statusFrame = Frame("""{"channel":"status","type":"update","data":[{"version":"2.0.0","system":"online","api_version":"v2","connection_id":12393906104898154338}]}""");
        Assert.Equal(KrakenFrameKind.Status, KrakenStreamParsers.Classify(statusFrame).Kind);
        var status = KrakenStreamParsers.Status(statusFrame);
        Assert.Equal("online", status.System);
        Assert.Equal("v2", status.ApiVersion);
        Assert.Equal("2.0.0", status.Version);
        Assert.Equal(12393906104898154338UL, status.ConnectionId);
    }

    [Theory]
    [InlineData("v1_heartbeat.json")]
    [InlineData("v1_subscriptionStatus.json")]
    [InlineData("v1_systemStatus.json")]
    [InlineData("v1_trade.json")]
    public void Version_1_frames_are_unknown_not_errors(string file)
    {
        Assert.Equal(KrakenFrameKind.Unknown, KrakenStreamParsers.Classify(Fixture(file)).Kind);
    }

    [Theory]
    [InlineData("""{"channel":"level3","type":"snapshot","data":[]}""")]
    [InlineData("""{"channel":"instrument","type":"snapshot","data":{"assets":[]}}""")]
    [InlineData("""{"something":"else"}""")]
    [InlineData("42")]
    public void Unknown_channels_are_classified_as_unknown(string json)
    {
        Assert.Equal(KrakenFrameKind.Unknown, KrakenStreamParsers.Classify(Frame(json)).Kind);
    }

    [Fact]
    public void Trade_frame()
    {
        var frame = Frame("""
            {"channel":"trade","type":"update","data":[
             {"symbol":"MATIC/USD","side":"sell","price":0.5117,"qty":40.0,"ord_type":"market","trade_id":4665906,"timestamp":"2023-09-25T07:49:37.708706Z"},
             {"symbol":"MATIC/USD","side":"buy","price":0.5118,"qty":12.5,"ord_type":"limit","trade_id":4665907,"timestamp":"2023-09-25T07:49:38Z"}]}
            """);
        Assert.Equal(KrakenFrameKind.Trade, KrakenStreamParsers.Classify(frame).Kind);
        var trades = KrakenStreamParsers.Trades(frame, Any);
        Assert.Equal(2, trades.Count);
        var t = trades[0];
        Assert.Equal("MATIC/USD", t.Symbol);
        Assert.Equal("4665906", t.Id);
        Assert.Equal(0.5117m, t.Price);
        Assert.Equal(40m, t.Quantity);
        Assert.Equal(0.5117m * 40m, t.QuoteQuantity);
        Assert.Equal(TradeSide.Sell, t.Side);
        Assert.Equal(new DateTimeOffset(2023, 9, 25, 7, 49, 37, TimeSpan.Zero).AddTicks(7087060), t.Time);
        Assert.Equal(TradeSide.Buy, trades[1].Side);
        Assert.Equal(new DateTimeOffset(2023, 9, 25, 7, 49, 38, TimeSpan.Zero), trades[1].Time);
    }

    [Fact]
    public void Entries_of_symbols_the_lookup_does_not_know_are_skipped()
    {
        var frame = Frame("""
            {"channel":"trade","type":"update","data":[
             {"symbol":"MATIC/USD","side":"sell","price":0.5117,"qty":40.0,"ord_type":"market","trade_id":1,"timestamp":"2023-09-25T07:49:37Z"},
             {"symbol":"BTC/USD","side":"buy","price":60000.1,"qty":0.5,"ord_type":"limit","trade_id":2,"timestamp":"2023-09-25T07:49:38Z"}]}
            """);
        var trades = KrakenStreamParsers.Trades(frame, name => name == "BTC/USD" ? S(name) : null);
        Assert.Equal("2", Assert.Single(trades).Id);
    }

    [Fact]
    public void Ohlc_snapshot_closes_every_candle_but_the_last_of_each_symbol()
    {
        var frame = Frame("""
            {"channel":"ohlc","type":"snapshot","timestamp":"2023-10-04T16:26:30.524394914Z","data":[
             {"symbol":"MATIC/USD","open":0.5624,"high":0.5628,"low":0.5622,"close":0.5627,"trades":12,"volume":1463.5,"vwap":0.5626,
              "interval_begin":"2023-10-04T16:20:00.000000000Z","interval":5,"timestamp":"2023-10-04T16:25:00.000000Z"},
             {"symbol":"MATIC/USD","open":0.5627,"high":0.5630,"low":0.5625,"close":0.5629,"trades":3,"volume":100,"vwap":0.5628,
              "interval_begin":"2023-10-04T16:25:00.000000000Z","interval":5,"timestamp":"2023-10-04T16:30:00.000000Z"}]}
            """);
        Assert.Equal(KrakenFrameKind.Ohlc, KrakenStreamParsers.Classify(frame).Kind);
        var candles = KrakenStreamParsers.Candles(frame, Any);
        Assert.Equal(2, candles.Count);
        var c = candles[0];
        Assert.Equal("5m", c.Interval);
        Assert.Equal(new DateTimeOffset(2023, 10, 4, 16, 20, 0, TimeSpan.Zero), c.OpenTime);
        Assert.Equal(new DateTimeOffset(2023, 10, 4, 16, 24, 59, 999, TimeSpan.Zero), c.CloseTime);
        Assert.Equal(0.5624m, c.Open);
        Assert.Equal(0.5628m, c.High);
        Assert.Equal(0.5622m, c.Low);
        Assert.Equal(0.5627m, c.Close);
        Assert.Equal(1463.5m, c.Volume);
        Assert.Equal(0.5626m, c.Vwap);
        Assert.Equal(1463.5m * 0.5626m, c.QuoteVolume);
        Assert.Equal(12, c.TradeCount);
        Assert.True(c.IsClosed);
        Assert.False(candles[1].IsClosed);
    }

    [Theory]
    [InlineData(60, "1h")]
    [InlineData(1440, "1d")]
    [InlineData(10080, "1w")]
    [InlineData(21600, "15d")]
    public void Ohlc_intervals_in_minutes_become_interval_codes(int minutes, string code)
    {
        var frame = Frame($$"""
            {"channel":"ohlc","type":"update","data":[{"symbol":"BTC/USD","open":1,"high":1,"low":1,"close":1,"trades":0,"volume":0,"vwap":1,
              "interval_begin":"2023-10-05T00:00:00.000000000Z","interval":{{minutes}}}]}
            """);
        var c = Assert.Single(KrakenStreamParsers.Candles(frame, Any));
        Assert.Equal(code, c.Interval);
        Assert.False(c.IsClosed);
    }

    [Theory]
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[],"asks":[],"timestamp":"2023-10-06T17:35:55Z"}]}""")]
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":"abc","qty":1}],"asks":[],"checksum":1}]}""")]
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"qty":1}],"asks":[],"checksum":1}]}""")]
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[],"asks":[],"checksum":-5}]}""")]
    [InlineData("""{"channel":"book","type":"update","data":{"symbol":"BTC/USD"}}""")]
    [InlineData("""{"channel":"book","type":"update"}""")]
    public void Malformed_book_frames_are_InvalidResult_errors_naming_the_channel(string json)
    {
        var e = Assert.IsType<InvalidFieldException>(Assert.ThrowsAny<FxException>(() => KrakenStreamParsers.Books(Frame(json))));
        Assert.Equal(FxErrorKind.InvalidResult, e.Kind);
        Assert.Contains("book", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_data_frames_are_InvalidResult_errors_naming_the_field()
    {
        static void Fails(string field, Action parse)
        {
            var e = Assert.ThrowsAny<FxException>(parse);
            Assert.Equal(FxErrorKind.InvalidResult, e.Kind);
            Assert.Contains(field, e.Message, StringComparison.Ordinal);
        }

        Fails("data[0].side", () => KrakenStreamParsers.Trades(Frame(
            """{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"sideways","price":1,"qty":1,"trade_id":1,"timestamp":"2023-09-25T07:49:37Z"}]}"""), Any));
        Fails("data[0].timestamp", () => KrakenStreamParsers.Trades(Frame(
            """{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1,"qty":1,"trade_id":1,"timestamp":"yesterday"}]}"""), Any));
        Fails("data[0].interval_begin", () => KrakenStreamParsers.Candles(Frame(
            """{"channel":"ohlc","type":"update","data":[{"symbol":"BTC/USD","open":1,"high":1,"low":1,"close":1,"volume":0,"interval":1}]}"""), Any));
        Fails("data[0].last", () => KrakenStreamParsers.Tickers(Frame(
            """{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":1}]}"""), Any));
        Fails("data", () => KrakenStreamParsers.Status(Frame("""{"channel":"status","type":"update","data":[]}""")));
        Fails("req_id", () => KrakenStreamParsers.Classify(Frame("""{"method":"pong","req_id":"one"}""")));
    }

    [Fact]
    public void Nanosecond_times_are_read_to_the_tick()
    {
        var t = KrakenStreamParsers.Rfc3339(Frame("\"2023-10-04T16:26:30.524394914Z\""));
        Assert.Equal(new DateTimeOffset(2023, 10, 4, 16, 26, 30, TimeSpan.Zero).AddTicks(5243949), t);
    }
}
