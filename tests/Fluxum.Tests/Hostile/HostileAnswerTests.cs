using Fluxum.Credentials;
using Fluxum.Engine;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Json;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.TestExchange;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Hostile;

/// <summary>
/// Hostile bodies served by the test exchange (an ExchangeError fault with status 200 and a custom body) through
/// the real transport and adapters: impossible values end as InvalidResult errors naming exchange, endpoint and
/// field; bad rows of list answers are reported while the other rows come back; an absurd server time leaves the
/// clock offset alone.
/// </summary>
public sealed class HostileAnswerTests : IClassFixture<ExchangeServerFixture>
{
    private readonly TestExchangeServer _server;

    public HostileAnswerTests(ExchangeServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Faults.Clear();
        _server.Requests.Clear();
    }

    private void Serve(string path, string body) =>
        _server.Faults.Add(new Fault { PathPrefix = path, Kind = FaultKind.ExchangeError, StatusCode = 200, Body = body });

    private BinanceSpotMarketData Binance() => ExchangeClients.Binance(_server);

    private KrakenSpotMarketData Kraken() => ExchangeClients.Kraken(_server);

    private BinanceSpotTrading Account()
    {
        var key = "key-" + Guid.NewGuid().ToString("N")[..12];
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        _server.BinanceAccounts.AddHmacAccount(key, secret).Deposit("USDT", 1000m);
        return ExchangeClients.BinanceTrading(_server, key, secret);
    }

    private static void Names(FxException e, params string[] parts)
    {
        Assert.Equal(FxErrorKind.InvalidResult, e.Kind);
        foreach (var part in parts) Assert.Contains(part, e.Message, StringComparison.Ordinal);
    }

    private static string Order(string symbol, long id, string price) => $$"""
        {"symbol":"{{symbol}}","orderId":{{id}},"orderListId":-1,"clientOrderId":"c{{id}}","price":"{{price}}","origQty":"1.0","executedQty":"0.0",
         "cummulativeQuoteQty":"0.0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY","stopPrice":"0.0","icebergQty":"0.0",
         "time":1499827319559,"updateTime":1499827319559,"isWorking":true,"origQuoteOrderQty":"0.000000","workingTime":1499827319559}
        """;

    [Fact]
    public async Task A_word_for_a_depth_price_is_an_InvalidResult_naming_exchange_endpoint_and_field()
    {
        var market = Binance();
        await market.GetSymbolsAsync(default);
        Serve("/api/v3/depth", """{"lastUpdateId":7,"bids":[["1.0","1"],["0.9","1"],["0.8","1"],["abc","1"]],"asks":[["1.1","1"]]}""");
        var e = await Assert.ThrowsAnyAsync<FxException>(() => market.GetDepthAsync("BTCUSDT", 5, default));
        Names(e, "Binance", "GET /api/v3/depth", "bids[3][0]", "\"abc\", not a number");
        Assert.Null(e.InnerException);

        var next = await market.GetDepthAsync("BTCUSDT", 5, default); // the fault served one answer; the next is real
        Assert.NotEmpty(next.Bids);
    }

    [Fact]
    public async Task An_overflowing_price_names_the_field_instead_of_a_bare_OverflowException()
    {
        var market = Binance();
        await market.GetSymbolsAsync(default);
        Serve("/api/v3/ticker/24hr", """{"symbol":"BTCUSDT","lastPrice":1e400,"priceChange":"-1.5","volume":"10"}""");
        var e = await Assert.ThrowsAnyAsync<FxException>(() => market.GetTickersAsync(new[] { "BTCUSDT" }, default));
        Names(e, "Binance", "GET /api/v3/ticker/24hr", "lastPrice", "1e400", "too large");
    }

    [Fact]
    public async Task Negative_book_levels_are_errors_on_both_exchanges()
    {
        var binance = Binance();
        await binance.GetSymbolsAsync(default);
        Serve("/api/v3/depth", """{"lastUpdateId":7,"bids":[["1.0","1"],["0.9","-2"]],"asks":[]}""");
        Names(await Assert.ThrowsAnyAsync<FxException>(() => binance.GetDepthAsync("BTCUSDT", 5, default)), "bids[1][1]", "-2", "below zero");

        var kraken = Kraken();
        await kraken.GetSymbolsAsync(default);
        Serve("/0/public/Depth", """{"error":[],"result":{"XXBTZUSD":{"asks":[["-105944.3","0.1",1762820248]],"bids":[]}}}""");
        Names(await Assert.ThrowsAnyAsync<FxException>(() => kraken.GetDepthAsync("XBTUSD", 10, default)),
            "Kraken", "GET /0/public/Depth", "result.XXBTZUSD.asks[0][0]", "below zero");
    }

    [Fact]
    public async Task Unreadable_open_orders_are_reported_by_row_and_field_and_the_readable_ones_still_come_back()
    {
        var trading = Account();
        Serve("/api/v3/openOrders", $"[{Order("BTCUSDT", 1, "-5")},{Order("BTCUSDT", 2, "100.5")},{Order("NOPEUSDT", 3, "1")},{{\"symbol\":\"BTCUSDT\"}}]");
        var open = await trading.GetOpenOrdersAsync(null, default);

        Assert.Equal("2", Assert.Single(open).OrderId);
        Assert.Equal(100.5m, open[0].Price);
        Assert.Equal(3, open.Errors.Count);
        Assert.Equal(4, open.Rows);
        Names(open.Errors[0], "Binance", "GET /api/v3/openOrders", "row [0]", "[0].price", "below zero");
        Names(open.Errors[1], "row [2]", "[2].symbol", "NOPEUSDT");
        Names(open.Errors[2], "row [3]", "[3].orderId is missing");
    }

    [Fact]
    public async Task An_unreadable_balance_is_reported_and_the_others_are_kept()
    {
        var trading = Account();
        Serve("/api/v3/account", """{"canTrade":true,"balances":[{"asset":"BTC","free":"abc","locked":"0"},{"asset":"USDT","free":"5","locked":"1"}]}""");
        var balances = await trading.GetBalancesAsync(default);
        Assert.Equal("USDT", Assert.Single(balances).Asset);
        Names(Assert.Single(balances.Errors), "GET /api/v3/account", "row balances[0]", "balances[0].free");
    }

    [Fact]
    public async Task An_exchangeInfo_symbol_that_cannot_be_read_is_in_the_catalog_errors_and_the_others_resolve()
    {
        var info = Fixtures.Text("binance-spot/rest/exchange_info_trimmed.json");
        var broken = info.Replace("\"baseAssetPrecision\": 8", "\"baseAssetPrecision\": \"eight\"", StringComparison.Ordinal);
        Assert.NotEqual(info, broken);
        Serve("/api/v3/exchangeInfo", broken);
        var catalog = await Binance().GetSymbolsAsync(default);

        Assert.NotEmpty(catalog.Errors);
        Assert.Equal(5, catalog.Symbols.Count + catalog.Errors.Count);
        Names(catalog.Errors[0], "GET /api/v3/exchangeInfo", "symbols[0].baseAssetPrecision");
        Assert.All(catalog.Symbols, s => Assert.True(catalog.TryResolve(s.NativeSymbol, out _)));
    }

    [Theory]
    [InlineData("""{"serverTime":631152000000}""", "clock offset")]   // 1990, 36 years off: a reading, but not a believable one
    [InlineData("""{"serverTime":-1798761600000}""", "serverTime")] // 1913: not even a time after 1970
    public async Task A_server_time_far_from_the_local_clock_is_an_error_and_the_offset_stays(string body, string named)
    {
        var market = Binance();
        var good = await market.GetServerTimeAsync(default);
        Assert.InRange(good.OffsetMilliseconds, -60_000, 60_000);
        var before = market.ClockOffset;

        Serve("/api/v3/time", body);
        var e = await Assert.ThrowsAnyAsync<FxException>(() => market.GetServerTimeAsync(default));
        Names(e, "Binance", "GET /api/v3/time", named);
        Assert.Equal(before, market.ClockOffset);

        var after = await market.GetServerTimeAsync(default);
        Assert.InRange(after.OffsetMilliseconds, -60_000, 60_000);
    }

    [Fact]
    public void The_clock_offset_error_names_the_clock_and_keeps_the_old_offset()
    {
        var clock = new ServerClock { Offset = TimeSpan.FromMilliseconds(12) };
        var local = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var e = Assert.Throws<FxException>(() => clock.Adopt(ExchangeId.Kraken, "Kraken's answer to GET /0/public/Time", local.AddDays(-1.5), local));
        Assert.Equal(FxErrorKind.InvalidResult, e.Kind);
        Assert.Contains("Kraken's clock offset stays at 12 ms", e.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(12), clock.Offset);

        Assert.Equal(TimeSpan.FromHours(-23), clock.Adopt(ExchangeId.Kraken, "Kraken", local.AddHours(-23), local)); // a day is the limit, not less
        Assert.Equal(TimeSpan.FromHours(-23), clock.Offset);
    }

    [Fact]
    public async Task A_bad_kline_row_is_reported_and_the_other_candles_come_back()
    {
        var market = Binance();
        await market.GetSymbolsAsync(default);
        Serve("/api/v3/klines", """
            [[1634943360000,"1","2","0.5","1.5","10",1634943419999,"15",3,"5","7.5","0"],
             [1634943420000,"1","2","0.5","1.5","-10",1634943479999,"15",3,"5","7.5","0"]]
            """);
        var page = await market.GetCandlePageAsync("BTCUSDT", Fluxum.Market.CandleInterval.Parse("1m"), null, null, 2, default);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1634943360000), Assert.Single(page).OpenTime);
        Names(Assert.Single(page.Errors), "GET /api/v3/klines", "row [1]", "[1][5]", "below zero");
        Assert.Equal(2, page.Rows);
    }

    [Fact]
    public async Task Kraken_ticker_entries_that_cannot_be_read_are_reported_and_the_others_kept()
    {
        var kraken = Kraken();
        await kraken.GetSymbolsAsync(default);
        Serve("/0/public/Ticker", """
            {"error":[],"result":{
             "XXBTZUSD":{"a":["30300.1","1","1.000"],"b":["30300.0","1","1.000"],"c":["30303.2","0.1"],"v":["1","2"],"p":["30000","30000"],
                         "t":[1,2],"l":["29000","29000"],"h":["31000","31000"],"o":"30000"},
             "XETHZUSD":{"a":["2000.1","1","1.000"],"b":["2000.0","1","1.000"],"c":["abc","0.1"],"v":["1","2"],"p":["2000","2000"],
                         "t":[1,2],"l":["1900","1900"],"h":["2100","2100"],"o":"2000"}}}
            """);
        var tickers = await kraken.GetTickersAsync(null, default);
        Assert.Equal("BTC/USD", Assert.Single(tickers).Symbol);
        Names(Assert.Single(tickers.Errors), "Kraken", "GET /0/public/Ticker", "row result.XETHZUSD", "result.XETHZUSD.c[0]");
    }
}
