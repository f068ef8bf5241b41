using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>
/// Impossible values in exchange answers as a user meets them: an ErrorRecord with category InvalidResult whose
/// message names the exchange, the endpoint and the field, the readable rows of a list still written, and the
/// next command of the same session working.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class HostileAnswerCmdletTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();

    public HostileAnswerCmdletTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
    }

    public void Dispose()
    {
        _exchange.Server.Faults.Clear();
        _ps.Dispose();
    }

    private void Serve(string path, string body) =>
        _exchange.Server.Faults.Add(new Fault { PathPrefix = path, Kind = FaultKind.ExchangeError, StatusCode = 200, Body = body });

    private static void InvalidResult(ErrorRecord e, params string[] named)
    {
        Assert.Equal(ErrorCategory.InvalidResult, e.CategoryInfo.Category);
        Assert.StartsWith("Fluxum.", e.FullyQualifiedErrorId);
        foreach (var part in named) Assert.Contains(part, e.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_FxDepth_with_a_word_for_a_price_names_exchange_endpoint_and_field_and_the_next_call_works()
    {
        _ps.Invoke("Get-FxSymbol BTCUSDT").AssertClean(); // the catalog is read before the fault waits for the depth call
        Serve("/api/v3/depth", """{"lastUpdateId":7,"bids":[["1.0","1"],["0.9","1"],["0.8","1"],["abc","1"]],"asks":[["1.1","1"]]}""");
        var r = _ps.Invoke("Get-FxDepth BTCUSDT -Limit 5");
        Assert.Empty(r.Output);
        InvalidResult(Assert.Single(r.Errors), "Binance", "GET /api/v3/depth", "bids[3][0]");
        Assert.Equal("BTCUSDT", r.Errors[0].TargetObject);

        var next = _ps.Invoke("Get-FxDepth BTCUSDT -Limit 5");
        next.AssertClean();
        Assert.Single(next.Output);
    }

    [Fact]
    public void Get_FxDepth_with_a_negative_quantity_is_an_error_not_a_book()
    {
        _ps.Invoke("Get-FxSymbol XBTUSD -Exchange Kraken").AssertClean();
        Serve("/0/public/Depth", """{"error":[],"result":{"XXBTZUSD":{"asks":[["105944.3","0.1",1762820248]],"bids":[["105944.2","-0.5",1762820248]]}}}""");
        var r = _ps.Invoke("Get-FxDepth XBTUSD -Exchange Kraken -Limit 10");
        Assert.Empty(r.Output);
        InvalidResult(Assert.Single(r.Errors), "Kraken", "GET /0/public/Depth", "result.XXBTZUSD.bids[0][1]", "below zero");
        _ps.Invoke("Get-FxDepth XBTUSD -Exchange Kraken -Limit 10").AssertClean();
    }

    [Fact]
    public void Get_FxTicker_writes_the_readable_tickers_and_an_error_for_the_one_that_is_not()
    {
        _ps.Invoke("Get-FxSymbol BTCUSDT").AssertClean();
        Serve("/api/v3/ticker/24hr", """{"symbol":"BTCUSDT","lastPrice":1e400,"volume":"10"}""");
        var one = _ps.Invoke("Get-FxTicker BTCUSDT");
        Assert.Empty(one.Output);
        InvalidResult(Assert.Single(one.Errors), "Binance", "GET /api/v3/ticker/24hr", "lastPrice", "1e400");

        Serve("/api/v3/ticker/24hr", """[{"symbol":"BTCUSDT","lastPrice":"abc"},{"symbol":"ETHUSDT","lastPrice":"3000.5","priceChange":"-12.5"}]""");
        var two = _ps.Invoke("Get-FxTicker BTCUSDT, ETHUSDT");
        Assert.Equal("ETHUSDT", Assert.Single(two.Output).Properties["NativeSymbol"].Value);
        Assert.Equal(-12.5m, two.Output[0].Properties["PriceChange"].Value);
        InvalidResult(Assert.Single(two.Errors), "Binance", "GET /api/v3/ticker/24hr", "row [0]", "[0].lastPrice");

        _ps.Invoke("Get-FxTicker BTCUSDT").AssertClean();
    }

    [Fact]
    public void Get_FxOrder_Open_reports_each_unreadable_order_and_still_writes_the_others()
    {
        var key = "pskey" + Guid.NewGuid().ToString("N")[..16];
        var secret = "pssecret" + Guid.NewGuid().ToString("N");
        _exchange.Server.BinanceAccounts.AddHmacAccount(key, secret).Deposit("USDT", 1000m);
        _ps.DefineCredential(key, secret).AssertClean();
        _ps.Invoke("Get-FxSymbol BTCUSDT").AssertClean();

        static string Order(long id, string price, string symbol = "BTCUSDT") => $$"""
            {"symbol":"{{symbol}}","orderId":{{id}},"orderListId":-1,"clientOrderId":"c{{id}}","price":"{{price}}","origQty":"1.0","executedQty":"0.0",
             "cummulativeQuoteQty":"0.0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY","stopPrice":"0.0","icebergQty":"0.0",
             "time":1499827319559,"updateTime":1499827319559,"isWorking":true,"origQuoteOrderQty":"0.000000","workingTime":1499827319559}
            """;
        Serve("/api/v3/openOrders", $"[{Order(1, "-5")},{Order(2, "100.5")},{Order(3, "1", "NOPEUSDT")}]");
        var r = _ps.Invoke("Get-FxOrder -Open -Credential $cred");
        Assert.Null(r.Terminating);
        Assert.Equal("2", Assert.Single(r.Output).Properties["OrderId"].Value);
        Assert.Equal(2, r.Errors.Count);
        InvalidResult(r.Errors[0], "Binance", "GET /api/v3/openOrders", "row [0]", "[0].price", "below zero");
        InvalidResult(r.Errors[1], "Binance", "GET /api/v3/openOrders", "row [2]", "[2].symbol", "NOPEUSDT");

        var next = _ps.Invoke("Get-FxOrder -Open -Credential $cred");
        next.AssertClean();
        Assert.Empty(next.Output); // the account really has no open orders
        Assert.DoesNotContain(secret, r.AllText + next.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_FxServerTime_refuses_a_clock_decades_off_and_keeps_the_offset()
    {
        var before = _ps.Invoke("Get-FxServerTime");
        before.AssertClean();
        Serve("/api/v3/time", """{"serverTime":631152000000}""");
        var r = _ps.Invoke("Get-FxServerTime");
        Assert.Empty(r.Output);
        InvalidResult(Assert.Single(r.Errors), "Binance", "GET /api/v3/time", "clock offset stays");

        Serve("/api/v3/time", """{"serverTime":-1798761600000}""");
        InvalidResult(Assert.Single(_ps.Invoke("Get-FxServerTime").Errors), "Binance", "GET /api/v3/time", "serverTime", "below zero");

        var after = _ps.Invoke("Get-FxServerTime");
        after.AssertClean();
        Assert.InRange((double)after.Output.Single().Properties["OffsetMilliseconds"].Value, -60_000, 60_000);
    }
}
