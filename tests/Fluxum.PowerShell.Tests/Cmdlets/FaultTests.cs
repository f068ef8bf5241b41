using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>Exchange faults as a user sees them: error records with the right id, category, target and advice.</summary>
[Collection(ModuleCollection.Name)]
public sealed class FaultTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();

    public FaultTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
        _exchange.Server.Requests.Clear();
    }

    public void Dispose()
    {
        _exchange.Server.Faults.Clear();
        _ps.Dispose();
    }

    [Fact]
    public void A_429_is_a_LimitsExceeded_error_with_the_retry_time_and_no_retry_storm()
    {
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/0/public/Trades", Kind = FaultKind.Status429, RetryAfterSeconds = 3 });
        var r = _ps.Invoke("Get-FxTrade XBTUSD -Exchange Kraken; Get-FxTrade XBTUSD -Exchange Kraken");
        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, e =>
        {
            Assert.StartsWith("Fluxum.RateLimited", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, e.CategoryInfo.Category);
            Assert.Equal("XBTUSD", e.TargetObject);
            Assert.NotNull(e.ErrorDetails?.RecommendedAction);
        });
        Assert.Equal(1, _exchange.Server.Requests.Count("/0/public/Trades")); // the second was refused locally
        Thread.Sleep(3200); // let the block pass for the tests that follow
    }

    [Fact]
    public void Exchange_error_codes_surface_in_the_ErrorId()
    {
        _exchange.Server.Faults.Add(new Fault
        {
            PathPrefix = "/api/v3/klines", Kind = FaultKind.ExchangeError, StatusCode = 400,
            Body = """{"code":-1015,"msg":"Too many new orders; current limit is 50 orders per 10 SECOND."}""",
        });
        var r = _ps.Invoke("Get-FxCandle BTCUSDT -Interval 1m -Limit 5");
        var e = Assert.Single(r.Errors);
        Assert.StartsWith("Binance.-1015", e.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, e.CategoryInfo.Category);
        Assert.Contains("Too many new orders", e.Exception.Message);
    }

    [Fact]
    public void A_5xx_is_retried_invisibly_unless_you_ask_for_verbose()
    {
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/ticker/bookTicker", Kind = FaultKind.ServerError, StatusCode = 503 });
        var r = _ps.Invoke("Get-FxTicker BTCUSDT -Type Book -Verbose");
        r.AssertClean();
        Assert.Single(r.Output);
        Assert.Contains(r.Verbose, v => v.Contains("503") && v.Contains("Retrying"));
    }

    [Fact]
    public void Malformed_JSON_is_an_InvalidResult_error()
    {
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/time", Kind = FaultKind.MalformedJson });
        var r = _ps.Invoke("Get-FxServerTime");
        var e = Assert.Single(r.Errors);
        Assert.StartsWith("Fluxum.MalformedResponse", e.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, e.CategoryInfo.Category);
    }
}
