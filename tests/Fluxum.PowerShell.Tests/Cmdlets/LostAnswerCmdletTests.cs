using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Trading;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>
/// The independent check's reproduction, as a user runs it: the exchange places the order, then closes the
/// connection (FIN) without answering. One order exists, and the command writes it.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class LostAnswerCmdletTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();
    private readonly BinanceAccount _account;

    public LostAnswerCmdletTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
        _exchange.Server.Requests.Clear();
        var key = "pskey" + Guid.NewGuid().ToString("N")[..16];
        var secret = "pssecret" + Guid.NewGuid().ToString("N");
        _account = _exchange.Server.BinanceAccounts.AddHmacAccount(key, secret);
        _account.Deposit("USDT", 50_000m);
        _account.Deposit("ETH", 10m);
        _account.Deposit("BTC", 1m);
        _ps.DefineCredential(key, secret).AssertClean();
    }

    public void Dispose()
    {
        _exchange.Server.Faults.Clear();
        _ps.Dispose();
    }

    private IReadOnlyList<RecordedRequest> Sent(string method, string path) =>
        _exchange.Server.Requests.All.Where(r => r.Method == method && r.Path == path).ToList();

    [Fact]
    public void A_forced_market_order_whose_connection_closes_after_placing_is_placed_once_and_written()
    {
        _ps.Invoke("Get-FxSymbol ETHUSDT").AssertClean(); // a request first, so the order rides a kept-alive connection
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/order", Method = "POST", Kind = FaultKind.CloseConnection, AfterProcessing = true });

        var r = _ps.Invoke("New-FxOrder -Symbol ETHUSDT -Side Sell -Type Market -Quantity 0.05 -Force -Credential $cred -Verbose");

        r.AssertClean();
        var order = r.Output.Single();
        Assert.Equal("Filled", order.Properties["Status"].Value.ToString());
        Assert.Equal(0.05m, (decimal)order.Properties["ExecutedQuantity"].Value);
        Assert.Equal(1, _account.OrderCount);
        Assert.Equal(_account.ClientOrderIds.Single(), order.Properties["ClientOrderId"].Value);
        var post = Assert.Single(Sent("POST", "/api/v3/order"));
        Assert.True(post.OnConnection > 1);
        Assert.Contains(r.Verbose, v => v.Contains("looking it up by its client order id"));
        Assert.Contains(r.Verbose, v => v.Contains("was placed") && v.Contains("it was not sent again"));
        Assert.Equal(10m - 0.05m, _account.Free("ETH"));
    }

    [Fact]
    public void When_the_lookup_fails_too_the_error_says_the_outcome_is_unknown_and_how_to_check()
    {
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/order", Method = "POST", Kind = FaultKind.ResetConnection, AfterProcessing = true });
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/order", Method = "GET", Kind = FaultKind.ServerError, Times = 50 });

        var r = _ps.Invoke("New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -ClientOrderId ps-unknown-1 -Credential $cred");
        _exchange.Server.Faults.Clear();

        var e = Assert.Single(r.Errors);
        Assert.StartsWith("Fluxum.OrderOutcomeUnknown", e.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
        Assert.Contains("-ClientOrderId ps-unknown-1", e.ErrorDetails?.RecommendedAction);
        Assert.Empty(r.Output);
        Assert.Single(Sent("POST", "/api/v3/order"));
        Assert.Equal(1, _account.OrderCount);
    }

    [Fact]
    public void Cancel_all_whose_connection_closes_after_cancelling_writes_the_cancelled_orders_once()
    {
        _ps.Invoke("""
            New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Credential $cred
            New-FxOrder BTCUSDT Buy 0.01 -Price 21000 -Credential $cred
            """).AssertClean();
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/openOrders", Method = "DELETE", Kind = FaultKind.CloseConnection, AfterProcessing = true });

        var r = _ps.Invoke("Stop-FxOrder BTCUSDT -All -Force -Credential $cred");

        r.AssertClean();
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Canceled", o.Properties["Status"].Value.ToString()));
        Assert.Single(Sent("DELETE", "/api/v3/openOrders"));
        Assert.Equal(0, _account.OpenOrderCount);
    }
}
