using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Trading;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>
/// The commands that ask before acting (market orders, cancel-all) in a host that cannot ask: what they say,
/// what they send, and the account-wide kill switch.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed partial class DangerousCommandTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();
    private readonly string _key = "dgkey" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _secret = "dgsecret" + Guid.NewGuid().ToString("N");
    private readonly BinanceAccount _account;

    public DangerousCommandTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
        _exchange.Server.Requests.Clear();
        _account = _exchange.Server.BinanceAccounts.AddHmacAccount(_key, _secret);
        _account.Deposit("USDT", 50_000m);
        _account.Deposit("BTC", 1m);
        _account.Deposit("ETH", 10m);
        _ps.DefineCredential(_key, _secret).AssertClean();
    }

    public void Dispose()
    {
        _exchange.Server.Faults.Clear();
        _ps.Dispose();
    }

    private int Posts => _exchange.Server.Requests.All.Count(r => r.Method == "POST" && r.Path == "/api/v3/order");
    private int Deletes => _exchange.Server.Requests.All.Count(r => r.Method == "DELETE");

    [GeneratedRegex(@"Buy 0\.05 BTC at market on Binance: about (?<cost>[\d,]+\.\d{2}) USDT at an average (?<avg>[\d,]+\.\d{2}) \(book of \d\d:\d\d:\d\d UTC\)")]
    private static partial Regex CostText();

    [Fact]
    public void A_market_order_that_cannot_be_confirmed_names_Force_and_shows_the_cost_from_the_book()
    {
        var r = _ps.Invoke("New-FxOrder BTCUSDT Buy 0.05 -Type Market -Credential $cred");
        Assert.Null(r.Terminating);
        var error = Assert.Single(r.Errors);
        Assert.StartsWith("Fluxum.ConfirmationRequired", error.FullyQualifiedErrorId);
        Assert.Contains("-Force", error.Exception.Message);
        Assert.Contains("-Confirm:$false does not skip", error.Exception.Message);
        var m = CostText().Match(error.Exception.Message);
        Assert.True(m.Success, error.Exception.Message);
        var cost = decimal.Parse(m.Groups["cost"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        var average = decimal.Parse(m.Groups["avg"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.InRange(cost, average * 0.05m - 0.01m, average * 0.05m + 0.01m);

        // The average is a price from the ask side of the book, near the top.
        var ask = (decimal)_ps.Invoke("(Get-FxDepth BTCUSDT -Limit 5).BestAsk").Output.Single().BaseObject;
        Assert.InRange(average, ask * 0.98m, ask * 1.02m);
        Assert.Equal(0, Posts);
    }

    [Fact]
    public void Cancel_all_that_cannot_be_confirmed_names_Force_and_sends_nothing()
    {
        _ps.Invoke("New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Credential $cred").AssertClean();
        var r = _ps.Invoke("Stop-FxOrder -All -Credential $cred");
        var error = Assert.Single(r.Errors);
        Assert.StartsWith("Fluxum.ConfirmationRequired", error.FullyQualifiedErrorId);
        Assert.Contains("-Force", error.Exception.Message);
        Assert.Equal(0, Deletes);
    }

    [Fact]
    public void Cancel_all_of_a_symbol_with_nothing_open_is_success_with_nothing()
    {
        var r = _ps.Invoke("Stop-FxOrder BTCUSDT -All -Force -Credential $cred");
        r.AssertClean();
        Assert.Empty(r.Output);
        Assert.Equal(1, _exchange.Server.Requests.All.Count(q => q.Method == "DELETE" && q.Path == "/api/v3/openOrders"));
    }

    [Fact]
    public void Cancel_all_without_a_symbol_cancels_every_open_order_of_the_account_and_is_safe_to_repeat()
    {
        _ps.Invoke("""
            New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Credential $cred
            New-FxOrder BTCUSDT Buy 0.01 -Price 21000 -Credential $cred
            New-FxOrder ETHUSDT Buy 0.1 -Price 1000 -Credential $cred
            """).AssertClean();
        var r = _ps.Invoke("Stop-FxOrder -All -Force -Credential $cred");
        r.AssertClean();
        Assert.Equal(3, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Canceled", o.Properties["Status"].Value.ToString()));
        Assert.Equal(new[] { "BTC/USDT", "ETH/USDT" }, r.Output.Select(o => (string)o.Properties["Symbol"].Value).Distinct().OrderBy(s => s));
        Assert.Empty(_ps.Invoke("Get-FxOrder -Open -Credential $cred").Output);

        var again = _ps.Invoke("Stop-FxOrder -All -Force -Credential $cred");
        again.AssertClean();
        Assert.Empty(again.Output);
    }

    [Fact]
    public void WhatIf_on_cancel_all_of_the_account_sends_nothing()
    {
        _ps.Invoke("New-FxOrder ETHUSDT Buy 0.1 -Price 1000 -Credential $cred").AssertClean();
        var r = _ps.Invoke("Stop-FxOrder -All -WhatIf -Credential $cred");
        r.AssertClean();
        Assert.Equal(0, Deletes);
        Assert.Single(_ps.Invoke("Get-FxOrder -Open -Credential $cred").Output);
    }
}
