using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Binance;

public class BinanceParserTests
{
    private static readonly SymbolInfo BtcUsdt = new()
    {
        Exchange = ExchangeId.Binance, Symbol = "BTC/USDT", NativeSymbol = "BTCUSDT", BaseAsset = "BTC", QuoteAsset = "USDT",
    };

    [Fact]
    public void ExchangeInfo_symbols_carry_their_trading_rules()
    {
        using var doc = Fixtures.Json("binance-spot/rest/exchange_info_trimmed.json");
        var symbols = BinanceParsers.Symbols(doc.RootElement, ExchangeId.Binance);

        Assert.Equal(new[] { "ETHBTC", "LRCBTC", "BLZETH", "NKNUSDT", "RUNEEUR" }, symbols.Select(s => s.NativeSymbol));
        var eth = symbols[0];
        Assert.Equal("ETH/BTC", eth.Symbol);
        Assert.Equal("ETH", eth.BaseAsset);
        Assert.Equal("BTC", eth.QuoteAsset);
        Assert.Equal(SymbolStatus.Trading, eth.Status);
        Assert.Equal("TRADING", eth.NativeStatus);
        Assert.Equal(0.000001m, eth.TickSize);
        Assert.Equal(0.000001m, eth.MinPrice);
        Assert.Equal(922327m, eth.MaxPrice);
        Assert.Equal(0.0001m, eth.LotStep);
        Assert.Equal(0.0001m, eth.MinQuantity);
        Assert.Equal(100000m, eth.MaxQuantity);
        Assert.Equal(0.0001m, eth.MinNotional);
        Assert.True(eth.MinNotionalAppliesToMarket);
        Assert.Equal(5m, eth.BidMultiplierUp);
        Assert.Equal(0.2m, eth.AskMultiplierDown);
        Assert.Equal(5, eth.AveragePriceMinutes);
        Assert.Equal(6, eth.PricePrecision);
        Assert.Equal(4, eth.QuantityPrecision);
        Assert.Null(eth.MarketLotStep); // MARKET_LOT_SIZE stepSize 0 means "no rule"
        Assert.Equal(873.90727776m, eth.MarketMaxQuantity);
        Assert.Equal("LIMIT,LIMIT_MAKER,MARKET,STOP_LOSS_LIMIT,TAKE_PROFIT_LIMIT", eth.OrderTypes);
        Assert.True(eth.OcoAllowed);

        var rune = symbols[4];
        Assert.Equal("RUNE/EUR", rune.Symbol);
        Assert.Equal(0.001m, rune.TickSize);
        Assert.Equal(0.1m, rune.LotStep);
        Assert.Equal(10m, rune.MinNotional);
        Assert.Equal(1, rune.QuantityPrecision);
    }

    [Fact]
    public void ExchangeInfo_gives_the_request_weight_limit()
    {
        using var doc = Fixtures.Json("binance-spot/rest/exchange_info_trimmed.json");
        Assert.Equal(1200, BinanceParsers.RequestWeightPerMinute(doc.RootElement));
    }

    [Fact]
    public void Filter_examples_from_the_docs_parse_including_NOTIONAL_and_PERCENT_PRICE_BY_SIDE()
    {
        var filters = Fixtures.Text("binance-spot/rest/filters_doc_examples.json");
        var json = $$"""{"symbol":"X","status":"BREAK","baseAsset":"A","quoteAsset":"B","filters":{{filters}}}""";
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var s = BinanceParsers.Symbol(doc.RootElement, ExchangeId.Binance);

        Assert.Equal(SymbolStatus.Halted, s.Status);
        Assert.Equal(10m, s.MinNotional);            // NOTIONAL comes after MIN_NOTIONAL and wins
        Assert.Equal(10000m, s.MaxNotional);
        Assert.False(s.MinNotionalAppliesToMarket);
        Assert.Equal(1.2m, s.BidMultiplierUp);
        Assert.Equal(0.2m, s.BidMultiplierDown);
        Assert.Equal(5m, s.AskMultiplierUp);
        Assert.Equal(0.8m, s.AskMultiplierDown);
        Assert.Equal(1, s.AveragePriceMinutes);
        Assert.Equal(0.001m, s.MarketLotStep);
    }

    [Fact]
    public void Depth_keeps_order_and_exact_decimals()
    {
        using var doc = Fixtures.Json("binance-spot/rest/depth_top100_RUNEEUR.json");
        var book = BinanceParsers.Depth(doc.RootElement, new SymbolInfo { Exchange = ExchangeId.Binance, Symbol = "RUNE/EUR", NativeSymbol = "RUNEEUR" },
            DateTimeOffset.UnixEpoch);

        Assert.Equal(15602511, book.UpdateId);
        Assert.Equal(100, book.Bids.Count);
        Assert.Equal(100, book.Asks.Count);
        Assert.Equal(6.251m, book.BestBid);
        Assert.Equal(69.3m, book.BestBidQuantity);
        Assert.Equal(6.269m, book.BestAsk);
        Assert.Equal(7.46m, book.Asks[^1].Price);
        Assert.Equal(1.4m, book.Asks[^1].Quantity);
        Assert.Equal(0.018m, book.Spread);
        Assert.Equal(6.26m, book.Mid);
        Assert.All(book.Bids, l => Assert.Equal(BookSide.Bid, l.Side));
        Assert.All(book.Asks, l => Assert.Equal("RUNE/EUR", l.Symbol));
        Assert.True(book.Bids.Zip(book.Bids.Skip(1)).All(p => p.First.Price > p.Second.Price));
        Assert.True(book.Asks.Zip(book.Asks.Skip(1)).All(p => p.First.Price < p.Second.Price));
    }

    [Fact]
    public void Ticker_24hr_maps_every_field()
    {
        using var doc = Fixtures.Json("binance-spot/rest/ticker_24hr_doc.json");
        var t = BinanceParsers.Ticker(doc.RootElement, BtcUsdt);
        Assert.Equal(4.000002m, t.LastPrice);
        Assert.Equal(200m, t.LastQuantity);
        Assert.Equal(4m, t.BidPrice);
        Assert.Equal(100m, t.BidQuantity);
        Assert.Equal(4.000002m, t.AskPrice);
        Assert.Equal(99m, t.OpenPrice);
        Assert.Equal(100m, t.HighPrice);
        Assert.Equal(0.1m, t.LowPrice);
        Assert.Equal(-94.999998m, t.PriceChange);
        Assert.Equal(-95.96m, t.PriceChangePercent);
        Assert.Equal(0.29628482m, t.WeightedAveragePrice);
        Assert.Equal(8913.3m, t.Volume);
        Assert.Equal(15.3m, t.QuoteVolume);
        Assert.Equal(76, t.TradeCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1499783499040), t.OpenTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1499869899040), t.CloseTime);
    }

    [Fact]
    public void Price_and_book_tickers()
    {
        using var price = Fixtures.Json("binance-spot/rest/ticker_price_BTCUSDT.json");
        Assert.Equal(60740m, BinanceParsers.PriceTicker(price.RootElement, BtcUsdt).Price);

        using var book = Fixtures.Json("binance-spot/rest/book_ticker_BTCUSDT.json");
        var b = BinanceParsers.BookTicker(book.RootElement, BtcUsdt);
        Assert.Equal(60741.67m, b.BidPrice);
        Assert.Equal(0.3658m, b.BidQuantity);
        Assert.Equal(60741.68m, b.AskPrice);
        Assert.Equal(0.45178m, b.AskQuantity);
        Assert.Equal(0.01m, b.Spread);
        Assert.Equal("BTC/USDT", b.Symbol);
    }

    [Fact]
    public void Trades_take_the_taker_side_from_isBuyerMaker()
    {
        using var doc = Fixtures.Json("binance-spot/rest/trades_BTCUSDT.json");
        var trades = doc.RootElement.EnumerateArray().Select(t => BinanceParsers.Trade(t, BtcUsdt)).ToList();
        Assert.Equal(10, trades.Count);
        var first = trades[0];
        Assert.Equal("1111468873", first.Id);
        Assert.Equal(60650m, first.Price);
        Assert.Equal(0.02924m, first.Quantity);
        Assert.Equal(1773.406m, first.QuoteQuantity);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1634942949263), first.Time);
        Assert.Equal(TradeSide.Sell, first.Side); // buyer was maker: the taker sold
        Assert.Equal(TradeSide.Buy, trades[1].Side);
        Assert.False(first.IsAggregate);
    }

    [Fact]
    public void Aggregate_trades_carry_their_id_range()
    {
        using var doc = Fixtures.Json("binance-spot/rest/agg_trades_BTCUSDT.json");
        var trades = doc.RootElement.EnumerateArray().Select(t => BinanceParsers.AggregateTrade(t, BtcUsdt)).ToList();
        var last = trades[^1];
        Assert.Equal("966492871", last.Id);
        Assert.Equal(60759.6m, last.Price);
        Assert.Equal(0.001m, last.Quantity);
        Assert.Equal("1111480480", last.FirstTradeId);
        Assert.Equal("1111480480", last.LastTradeId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1634944098216), last.Time);
        Assert.Equal(TradeSide.Buy, last.Side);
        Assert.True(last.IsAggregate);
    }

    [Fact]
    public void Klines_map_all_twelve_columns()
    {
        using var doc = Fixtures.Json("binance-spot/rest/klines_1m_BTCUSDT.json");
        var candles = doc.RootElement.EnumerateArray()
            .Select(r => BinanceParsers.Candle(r, BtcUsdt, "1m", DateTimeOffset.FromUnixTimeMilliseconds(1634944370000))).ToList();
        var first = candles[0];
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1634943780000), first.OpenTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1634943839999), first.CloseTime);
        Assert.Equal(60685.22m, first.Open);
        Assert.Equal(60729.84m, first.High);
        Assert.Equal(60670.9m, first.Low);
        Assert.Equal(60719.27m, first.Close);
        Assert.Equal(21.63272m, first.Volume);
        Assert.Equal(1313200.0134041m, first.QuoteVolume);
        Assert.Equal(617, first.TradeCount);
        Assert.Equal(12.28492m, first.TakerBuyVolume);
        Assert.Equal(745719.4102284m, first.TakerBuyQuoteVolume);
        Assert.True(first.IsClosed);
        Assert.False(candles[^1].IsClosed); // closes at ...379999, after "now"
        Assert.All(candles.Zip(candles.Skip(1)), p => Assert.Equal(TimeSpan.FromMinutes(1), p.Second.OpenTime - p.First.OpenTime));
    }

    [Fact]
    public void Server_time()
    {
        using var doc = Fixtures.Json("binance-spot/rest/server_time.json");
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1633835466289), BinanceParsers.ServerTime(doc.RootElement));
    }

    [Theory]
    [InlineData("error_-1121_invalid_symbol.json", "-1121", "Invalid symbol.", FxErrorKind.ObjectNotFound)]
    [InlineData("error_-1013_filter_lot_size.json", "-1013", null, FxErrorKind.InvalidArgument)]
    [InlineData("error_-1022_signature.json", "-1022", null, FxErrorKind.SecurityError)]
    [InlineData("error_-1021_recvwindow.json", "-1021", null, FxErrorKind.InvalidOperation)]
    [InlineData("error_-2011_unknown_order.json", "-2011", null, FxErrorKind.ObjectNotFound)]
    public void Error_bodies_become_exchange_errors(string file, string code, string? message, FxErrorKind kind)
    {
        using var doc = Fixtures.Json("binance-spot/rest/" + file);
        var error = Assert.IsType<ExchangeErrorException>(new BinanceErrorReader(ExchangeId.Binance).Read(400, doc.RootElement));
        Assert.Equal(code, error.Code);
        Assert.Equal("Binance." + code, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(doc.RootElement.GetProperty("msg").GetString(), error.ExchangeMessage);
        if (message is not null) Assert.Equal(message, error.ExchangeMessage);
        Assert.Contains(error.ExchangeMessage, error.Message);
    }

    [Fact]
    public void The_recorded_minus_1003_body_is_a_rate_limit_until_the_next_minute()
    {
        using var doc = Fixtures.Json("binance-spot/rest/error_-1003_too_many_requests.json");
        var error = Assert.IsType<RateLimitedException>(new BinanceErrorReader(ExchangeId.Binance).Read(400, doc.RootElement));
        Assert.False(error.IsBan);
        Assert.Equal("Fluxum.RateLimited", error.ErrorId);
        Assert.Equal(FxErrorKind.LimitsExceeded, error.Kind);
        Assert.Contains("current limit is 6000 request weight per 1 MINUTE", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.RetryAt.Second);
        Assert.InRange(error.RetryAt, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(61));
    }

    [Fact]
    public void A_normal_body_is_not_an_error()
    {
        using var doc = Fixtures.Json("binance-spot/rest/server_time.json");
        Assert.Null(new BinanceErrorReader(ExchangeId.Binance).Read(200, doc.RootElement));
    }
}
