using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange.Binance.Trading;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>Watch-FxOrder against the test exchange's WebSocket API: the account's own orders, fills and balances as they change.</summary>
[Collection(ModuleCollection.Name)]
public sealed class WatchFxOrderTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _watcher = new();
    private readonly PowerShellSession _trader = new();
    private readonly string _key = "wokey" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _secret = "wosecret" + Guid.NewGuid().ToString("N");

    public WatchFxOrderTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        var account = _exchange.Server.BinanceAccounts.AddHmacAccount(_key, _secret);
        account.Deposit("USDT", 50_000m);
        account.Deposit("BTC", 1m);
        _watcher.DefineCredential(_key, _secret).AssertClean();
        _trader.DefineCredential(_key, _secret).AssertClean();
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _trader.Dispose();
    }

    [Fact]
    public async Task Placing_and_filling_orders_elsewhere_shows_up_as_orders_fills_and_balances()
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _watcher.Runspace;
        ps.AddScript("Watch-FxOrder -Credential $cred -Duration 20 | ForEach-Object { $_; if ($_.PSObject.TypeNames[0] -eq 'Fluxum.Trading.Fill') { break } }");
        var output = new PSDataCollection<PSObject>();
        var run = ps.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(await _exchange.Server.BinanceStreams.WaitForAsync(c => c.Any(x => x.Subscriptions.Any(s => s.Contains(_key, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(5)), "Watch-FxOrder did not subscribe");

        _trader.Invoke("New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Credential $cred").AssertClean();
        _trader.Invoke("New-FxOrder BTCUSDT Buy 0.001 -Type Market -Credential $cred -Force").AssertClean();
        ps.EndInvoke(run);
        Assert.Empty(ps.Streams.Error);

        var items = output.ToList();
        var types = items.Select(o => o.TypeNames[0]).ToList();
        var resting = items.First(o => o.TypeNames[0] == "Fluxum.Trading.Order");
        Assert.Equal("New", resting.Properties["Status"].Value.ToString());
        Assert.Equal(20000m, resting.Properties["Price"].Value);
        Assert.Contains("Fluxum.Trading.Fill", types);
        Assert.Contains("Fluxum.Trading.Balance", types);
        var usdt = items.Where(o => o.TypeNames[0] == "Fluxum.Trading.Balance" && (string)o.Properties["Asset"].Value == "USDT").ToList();
        Assert.Contains(usdt, b => (decimal)b.Properties["Locked"].Value == 200m); // 0.01 at 20000 locked by the resting order
        Assert.Contains(items, o => o.TypeNames[0] == "Fluxum.Trading.Order" && o.Properties["Status"].Value.ToString() == "Filled");
        Assert.Equal(0.001m, items[^1].Properties["Quantity"].Value);
        Assert.True(await _exchange.Server.BinanceStreams.WaitForAsync(c => !c.Any(x => x.Subscriptions.Any(s => s.Contains(_key, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(2)), "the user data socket stayed open");
    }

    [Fact]
    public void A_wrong_secret_ends_the_command_with_the_exchanges_signature_error()
    {
        var r = _watcher.Invoke($"$bad = [pscredential]::new('{_key}', [System.Net.NetworkCredential]::new('', 'wrong').SecurePassword); " +
            "try { Watch-FxOrder -Credential $bad -Duration 10 } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }");
        Assert.StartsWith("Binance.-1022", r.Output[0].ToString());
        Assert.Equal("AuthenticationError", r.Output[1].ToString());
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(5), r.Elapsed.ToString());
    }
}
