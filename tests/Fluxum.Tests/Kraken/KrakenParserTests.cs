using System.Text.Json;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Symbols;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Kraken;

public class KrakenParserTests
{
    [Fact]
    public void Asset_pairs_get_unified_names_and_keep_every_native_name()
    {
        using var doc = Fixtures.Json("kraken/rest/asset_pairs_trimmed_2021.json");
        var symbols = KrakenParsers.Symbols(doc.RootElement);
        Assert.Equal(6, symbols.Count);

        var btc = symbols.Single(s => s.NativeSymbol == "XBTUSD");
        Assert.Equal("BTC/USD", btc.Symbol);
        Assert.Equal("BTC", btc.BaseAsset);
        Assert.Equal("USD", btc.QuoteAsset);
        Assert.Equal(0.1m, btc.TickSize);
        Assert.Equal(1, btc.PricePrecision);
        Assert.Equal(0.00000001m, btc.LotStep);
        Assert.Equal(8, btc.QuantityPrecision);
        Assert.Equal(0.0002m, btc.MinQuantity);
        Assert.Equal(SymbolStatus.Trading, btc.Status);
        Assert.Equal("XXBTZUSD,XBT/USD", btc.AlternateNames);

        var catalog = new SymbolCatalog(ExchangeId.Kraken, symbols, DateTimeOffset.UtcNow);
        foreach (var name in new[] { "BTC/USD", "XBTUSD", "XXBTZUSD", "xbt/usd", "BTC-USD" })
        {
            Assert.True(catalog.TryResolve(name, out var found), name);
            Assert.Same(btc, found);
        }

        Assert.Equal("ADA/BTC", symbols.Single(s => s.NativeSymbol == "ADAXBT").Symbol);
        Assert.Equal("ETH/USD", symbols.Single(s => s.NativeSymbol == "ETHUSD").Symbol);
    }

    [Fact]
    public void Depth_reads_the_pair_entry()
    {
        using var doc = Fixtures.Json("kraken/rest/depth_XBTUSDT.json");
        var info = new SymbolInfo { Exchange = ExchangeId.Kraken, Symbol = "BTC/USDT", NativeSymbol = "XBTUSDT" };
        var book = KrakenParsers.Depth(doc.RootElement, info, DateTimeOffset.UnixEpoch);
        Assert.Equal(ExchangeId.Kraken, book.Exchange);
        Assert.Equal(105944.2m, book.BestBid);
        Assert.Equal(0.002m, book.BestBidQuantity);
        Assert.Equal(105944.3m, book.BestAsk);
        Assert.Equal(0.136m, book.BestAskQuantity);
        Assert.Equal(5, book.Asks.Count);
        Assert.Equal(105935.4m, book.Bids[1].Price);
    }

    [Fact]
    public void Ohlc_rows_become_candles()
    {
        using var doc = Fixtures.Json("kraken/rest/ohlc_trimmed.json");
        var info = new SymbolInfo { Exchange = ExchangeId.Kraken, Symbol = "BTC/USDT", NativeSymbol = "XBTUSDT" };
        var (key, rows) = KrakenParsers.OnlyPair(KrakenParsers.Result(doc.RootElement));
        Assert.Equal("XBTUSDT", key);
        var now = DateTimeOffset.FromUnixTimeSeconds(1762778790);
        var candles = rows.Items().Select(r => KrakenParsers.Candle(r, info, CandleInterval.Parse("1m"), now)).ToList();
        Assert.Equal(30, candles.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762777020), candles[0].OpenTime);
        Assert.Equal(106038.2m, candles[0].Open);
        Assert.Equal(0m, candles[0].Volume);
        Assert.Equal(0, candles[0].TradeCount);
        Assert.Equal("1m", candles[0].Interval);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762777080).AddMilliseconds(-1), candles[0].CloseTime);
        Assert.True(candles[0].IsClosed);
        Assert.False(candles[^1].IsClosed); // opened at ...760, closes at ...820, after now
    }

    [Fact]
    public void Server_time_is_whole_seconds()
    {
        using var doc = Fixtures.Json("kraken/rest/server_time.json");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762820224), KrakenParsers.ServerTime(doc.RootElement));
    }

    [Fact]
    public void Error_array_becomes_an_exchange_error()
    {
        using var doc = Fixtures.Json("kraken/rest/error_invalid_arguments.json");
        var error = Assert.IsType<ExchangeErrorException>(new KrakenErrorReader().Read(200, doc.RootElement));
        Assert.Equal("Kraken.EGeneral:InvalidArguments", error.ErrorId);
        Assert.Equal(FxErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("EGeneral:Invalid arguments", error.ExchangeMessage);
    }

    [Fact]
    public void Unknown_pair_is_not_found_and_rate_limit_is_a_rate_limit()
    {
        using var unknown = JsonDocument.Parse("""{"error":["EQuery:Unknown asset pair"]}""");
        var e = Assert.IsType<ExchangeErrorException>(new KrakenErrorReader().Read(200, unknown.RootElement));
        Assert.Equal(FxErrorKind.ObjectNotFound, e.Kind);
        Assert.Equal("Kraken.EQuery:UnknownAssetPair", e.ErrorId);

        using var limited = JsonDocument.Parse("""{"error":["EAPI:Rate limit exceeded"]}""");
        var r = Assert.IsType<RateLimitedException>(new KrakenErrorReader().Read(200, limited.RootElement));
        Assert.Equal(FxErrorKind.LimitsExceeded, r.Kind);
        Assert.True(r.RetryAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public void A_success_body_is_not_an_error()
    {
        using var doc = Fixtures.Json("kraken/rest/system_status.json");
        Assert.Null(new KrakenErrorReader().Read(200, doc.RootElement));
    }

    [Fact]
    public void Ticker_uses_rolling_24h_values_and_todays_open()
    {
        // Shape from Kraken's REST docs (GET /0/public/Ticker).
        using var doc = JsonDocument.Parse("""
            {"a":["30300.10000","1","1.000"],"b":["30300.00000","1","1.000"],"c":["30303.20000","0.00067643"],
             "v":["4083.67001100","4412.73601799"],"p":["30706.77771","30689.13205"],"t":[34619,38907],
             "l":["29868.30000","29868.30000"],"h":["31631.00000","31631.00000"],"o":"30502.80000"}
            """);
        var info = new SymbolInfo { Exchange = ExchangeId.Kraken, Symbol = "BTC/USD", NativeSymbol = "XBTUSD" };
        var t = KrakenParsers.Ticker(doc.RootElement, info);
        Assert.Equal(30303.2m, t.LastPrice);
        Assert.Equal(0.00067643m, t.LastQuantity);
        Assert.Equal(30300.1m, t.AskPrice);
        Assert.Equal(1m, t.AskQuantity);
        Assert.Equal(30300m, t.BidPrice);
        Assert.Equal(30502.8m, t.OpenPrice);
        Assert.Equal(-199.6m, t.PriceChange);
        Assert.Equal(4412.73601799m, t.Volume);
        Assert.Equal(30689.13205m, t.WeightedAveragePrice);
        Assert.Equal(4412.73601799m * 30689.13205m, t.QuoteVolume);
        Assert.Equal(38907, t.TradeCount);
        Assert.Equal(29868.3m, t.LowPrice);
        Assert.Equal(31631m, t.HighPrice);
        Assert.Equal(30303.2m, KrakenParsers.PriceTicker(doc.RootElement, info).Price);
        Assert.Equal(30300m, KrakenParsers.BookTicker(doc.RootElement, info).BidPrice);
    }

    [Fact]
    public void Trade_rows_with_and_without_trade_id()
    {
        using var doc = JsonDocument.Parse("""[["30243.40000","0.34507674",1688669597.8277369,"b","m","",61309883],["30243.30000","0.00100000",1688669598.1,"s","l",""]]""");
        var info = new SymbolInfo { Exchange = ExchangeId.Kraken, Symbol = "BTC/USD", NativeSymbol = "XBTUSD" };
        var rows = doc.RootElement.EnumerateArray().Select(r => KrakenParsers.Trade(r, info)).ToList();
        Assert.Equal("61309883", rows[0].Id);
        Assert.Equal(TradeSide.Buy, rows[0].Side);
        Assert.Equal(30243.4m, rows[0].Price);
        Assert.Equal(new DateTimeOffset(2023, 7, 6, 18, 53, 17, 827, TimeSpan.Zero), rows[0].Time.AddTicks(-(rows[0].Time.Ticks % TimeSpan.TicksPerMillisecond)));
        Assert.Equal("", rows[1].Id);
        Assert.Equal(TradeSide.Sell, rows[1].Side);
    }
}
