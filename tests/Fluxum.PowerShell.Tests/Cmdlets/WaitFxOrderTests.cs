using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>Wait-FxOrder against the test exchange: ended orders are written, a timeout is an error carrying the open order.</summary>
[Collection(ModuleCollection.Name)]
public sealed class WaitFxOrderTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _waiter = new();
    private readonly PowerShellSession _trader = new();
    private readonly string _key = "wtkey" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _secret = "wtsecret" + Guid.NewGuid().ToString("N");

    public WaitFxOrderTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
        var account = _exchange.Server.BinanceAccounts.AddHmacAccount(_key, _secret);
        account.Deposit("USDT", 50_000m);
        account.Deposit("BTC", 1m);
        _waiter.DefineCredential(_key, _secret).AssertClean();
        _trader.DefineCredential(_key, _secret).AssertClean();
    }

    public void Dispose()
    {
        _waiter.Dispose();
        _trader.Dispose();
    }

    [Fact]
    public void A_filled_market_order_piped_in_is_written_as_filled()
    {
        var r = _waiter.Invoke("New-FxOrder BTCUSDT Buy 0.001 -Type Market -Force -Credential $cred | Wait-FxOrder -Timeout 20 -Credential $cred");
        r.AssertClean();
        var order = Assert.Single(r.Output);
        Assert.Equal("Filled", order.Properties["Status"].Value.ToString());
        Assert.Equal(0.001m, order.Properties["ExecutedQuantity"].Value);
    }

    [Fact]
    public async Task An_order_cancelled_elsewhere_ends_the_wait_from_the_account_stream()
    {
        var placed = _trader.Invoke("New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Credential $cred");
        placed.AssertClean();
        var id = (string)placed.Output.Single().Properties["OrderId"].Value;

        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _waiter.Runspace;
        ps.AddScript($"Wait-FxOrder BTCUSDT {id} -Timeout 25 -Credential $cred -Verbose");
        var output = new PSDataCollection<PSObject>();
        var run = ps.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(await _exchange.Server.BinanceStreams.WaitForAsync(c => c.Any(x => x.Subscriptions.Any(s => s.Contains(_key, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(10)), "Wait-FxOrder did not listen to the account stream");
        await Task.Delay(300);
        Assert.False(run.IsCompleted);
        var readsBefore = _exchange.Server.Requests.All.Count(q => q.Method == "GET" && q.Path == "/api/v3/order" && q.Query.TrimStart('?').Split('&').Contains("orderId=" + id));

        _trader.Invoke($"Stop-FxOrder BTCUSDT {id} -Credential $cred").AssertClean();
        await Task.Run(() => ps.EndInvoke(run));
        Assert.Empty(ps.Streams.Error);
        var order = Assert.Single(output);
        Assert.Equal("Canceled", order.Properties["Status"].Value.ToString());
        Assert.Equal(id, order.Properties["OrderId"].Value);
        Assert.Contains(ps.Streams.Verbose, v => v.Message.Contains("on the account stream"));
        // The end came from the stream, not from another read of the order.
        Assert.Equal(readsBefore, _exchange.Server.Requests.All.Count(q => q.Method == "GET" && q.Path == "/api/v3/order" && q.Query.TrimStart('?').Split('&').Contains("orderId=" + id)));
    }

    [Fact]
    public void A_timeout_writes_no_order_but_an_error_that_carries_the_open_order()
    {
        var r = _waiter.Invoke("New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Credential $cred | Wait-FxOrder -Timeout 2 -Credential $cred; 'went on'");
        Assert.Null(r.Terminating);
        Assert.Equal("went on", Assert.Single(r.Output).ToString());
        var error = Assert.Single(r.Errors);
        Assert.StartsWith("Fluxum.WaitTimedOut", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        var open = PSObject.AsPSObject(error.TargetObject);
        Assert.Equal("Fluxum.Trading.Order", open.TypeNames[0]);
        Assert.Equal("New", open.Properties["Status"].Value.ToString());
        Assert.Contains("Stop-FxOrder BTCUSDT " + open.Properties["OrderId"].Value, error.ErrorDetails?.RecommendedAction);
    }

    [Fact]
    public void A_poll_interval_under_a_second_is_refused_before_anything_is_sent()
    {
        var r = _waiter.Invoke("try { Wait-FxOrder BTCUSDT 1 -PollInterval 0.5 -Credential $cred; 'not reached' } catch { $_ }");
        var record = Assert.IsType<ErrorRecord>(Assert.Single(r.Output).BaseObject);
        Assert.StartsWith("Fluxum.InvalidPollInterval", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
    }
}
