using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange;

namespace Fluxum.PowerShell.Tests.Sessions;

/// <summary>Test-FxConnection, Get-FxRateLimit and Get-FxServerTime's clock resolution, against the test exchange.</summary>
[Collection(ModuleCollection.Name)]
public sealed class ConnectionHealthTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();
    private readonly string _key = "hkey" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _secret = "hsecret" + Guid.NewGuid().ToString("N");

    public ConnectionHealthTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
        _exchange.Server.BinanceAccounts.AddHmacAccount(_key, _secret).Deposit("USDT", 10m);
        _ps.DefineCredential(_key, _secret).AssertClean();
    }

    public void Dispose()
    {
        _exchange.Server.Faults.Clear();
        _ps.Dispose();
    }

    private static object? P(System.Management.Automation.PSObject o, string name) => o.Properties[name].Value;

    [Fact]
    public void A_reachable_exchange_without_credentials_is_healthy_and_says_there_are_none()
    {
        var r = _ps.Invoke("Test-FxConnection");
        r.AssertClean();
        var t = r.Output.Single();
        Assert.Equal("Fluxum.Models.ConnectionTest", t.BaseObject.GetType().FullName);
        Assert.True((bool)P(t, "Healthy")!, (string)P(t, "Problems")!);
        Assert.True((bool)P(t, "Reachable")!);
        Assert.Equal("None", P(t, "Credentials"));
        Assert.NotNull(P(t, "ClockOffset"));
        Assert.InRange((double)P(t, "RateBudgetLeftPercent")!, 0, 100);
        Assert.Contains("weight", (string)P(t, "TightestBudget")!);
        Assert.Equal(true, _ps.Invoke("Test-FxConnection -Quiet").Output.Single().BaseObject);
    }

    [Fact]
    public void Valid_credentials_are_checked_and_show_their_permissions_and_refused_ones_are_a_problem()
    {
        var ok = _ps.Invoke("Test-FxConnection -Credential $cred -Verbose");
        ok.AssertClean();
        var t = ok.Output.Single();
        Assert.True((bool)P(t, "Healthy")!, (string)P(t, "Problems")!);
        Assert.Equal("Valid", P(t, "Credentials"));
        Assert.Equal(true, P(t, "CanTrade"));
        Assert.Equal("****" + _key[^4..], P(t, "ApiKey"));
        Assert.DoesNotContain(_secret, ok.AllText);

        var bad = _ps.Invoke($"Test-FxConnection -Credential ([pscredential]::new('{_key}', [System.Net.NetworkCredential]::new('', 'wrong{_secret}').SecurePassword))");
        bad.AssertClean(); // a health check reports, it does not fail
        var b = bad.Output.Single();
        Assert.False((bool)P(b, "Healthy")!);
        Assert.Equal("Invalid", P(b, "Credentials"));
        Assert.Contains("credentials refused", (string)P(b, "Problems")!);
        Assert.DoesNotContain(_secret, bad.AllText);
        Assert.Equal(false, _ps.Invoke($"Test-FxConnection -Quiet -Credential ([pscredential]::new('{_key}', [System.Net.NetworkCredential]::new('', 'nope').SecurePassword))").Output.Single().BaseObject);
    }

    [Fact]
    public void An_asked_for_account_that_resolves_nowhere_is_a_problem()
    {
        var r = _ps.Invoke("Test-FxConnection -Account nosuch");
        r.AssertClean();
        var t = r.Output.Single();
        Assert.False((bool)P(t, "Healthy")!);
        Assert.Equal("Missing", P(t, "Credentials"));
        Assert.Equal("nosuch", P(t, "Account"));
        Assert.Contains("Fluxum.Binance.nosuch", (string)P(t, "Problems")!);
    }

    [Fact]
    public void An_unreachable_exchange_or_a_pause_it_asked_for_is_unhealthy()
    {
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/time", Kind = FaultKind.ServerError, Times = 20 });
        var down = _ps.Invoke("Test-FxConnection");
        down.AssertClean();
        Assert.False((bool)P(down.Output.Single(), "Healthy")!);
        Assert.False((bool)P(down.Output.Single(), "Reachable")!);
        Assert.Contains("not reachable", (string)P(down.Output.Single(), "Problems")!);
        _exchange.Server.Faults.Clear();

        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/time", Kind = FaultKind.Status429, RetryAfterSeconds = 2 });
        var paused = _ps.Invoke("Test-FxConnection");
        paused.AssertClean();
        Assert.False((bool)P(paused.Output.Single(), "Healthy")!);
        Assert.NotNull(P(paused.Output.Single(), "BlockedUntil"));
        var limits = _ps.Invoke("Get-FxRateLimit -Exchange Binance");
        Assert.Contains(limits.Output, o => P(o, "BlockedUntil") is not null);
        Thread.Sleep(2100); // let the pause the exchange asked for pass, so later tests are not refused
    }

    [Fact]
    public void Kraken_is_checked_without_credentials_and_its_clock_is_told_in_whole_seconds()
    {
        var r = _ps.Invoke("Test-FxConnection -Exchange Kraken");
        r.AssertClean();
        var t = r.Output.Single();
        Assert.True((bool)P(t, "Healthy")!, (string)P(t, "Problems")!);
        Assert.Equal("NotApplicable", P(t, "Credentials"));
        Assert.Equal(TimeSpan.FromSeconds(1), P(t, "ClockResolution"));

        var time = _ps.Invoke("Get-FxServerTime -Exchange Kraken");
        time.AssertClean();
        var k = time.Output.Single();
        Assert.Equal(TimeSpan.FromSeconds(1), P(k, "Resolution"));
        Assert.Equal(0, ((TimeSpan)P(k, "Offset")!).Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(0, (double)P(k, "OffsetMilliseconds")! % 1000);

        var binance = _ps.Invoke("Get-FxServerTime -Exchange Binance").Output.Single();
        Assert.Equal(TimeSpan.FromMilliseconds(1), P(binance, "Resolution"));

        // An account asked of an exchange without trading is a problem, named as such.
        var account = _ps.Invoke("Test-FxConnection -Exchange Kraken -Account main").Output.Single();
        Assert.False((bool)P(account, "Healthy")!);
        Assert.Contains("no trading", (string)P(account, "Problems")!);
    }

    [Fact]
    public void Get_FxRateLimit_shows_the_budgets_in_use_with_used_limit_and_window()
    {
        _ps.Invoke("Get-FxServerTime -Exchange Binance | Out-Null; Get-FxServerTime -Exchange Kraken | Out-Null").AssertClean();
        var r = _ps.Invoke("Get-FxRateLimit");
        r.AssertClean();
        Assert.Equal("Fluxum.Models.RateLimit", r.Output[0].BaseObject.GetType().FullName);
        var weight = r.Output.Single(o => P(o, "Exchange")!.ToString() == "Binance" && P(o, "Environment")!.ToString() == "Live" && (string)P(o, "Scope")! == "Address");
        Assert.True((double)P(weight, "Used")! > 0);
        Assert.True((double)P(weight, "Limit")! > 0);
        Assert.Equal(TimeSpan.FromMinutes(1), P(weight, "Window"));
        Assert.Contains(r.Output, o => P(o, "Exchange")!.ToString() == "Kraken");
    }
}
