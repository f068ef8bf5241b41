using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>Ctrl+C (PowerShell.Stop) ends network work promptly, mid-request or mid-paging.</summary>
[Collection(ModuleCollection.Name)]
public sealed class StopTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();

    public StopTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
    }

    public void Dispose()
    {
        _exchange.Server.Faults.Clear();
        _ps.Dispose();
    }

    [Fact]
    public void Stop_during_a_slow_request_ends_at_once()
    {
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/depth", Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(1.5), Times = 10 });
        var (result, stopTook) = _ps.InvokeAndStop("Get-FxDepth BTCUSDT", _ => false, TimeSpan.FromMilliseconds(400));
        Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stop took {stopTook}");
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Stop_during_a_long_candle_backfill_ends_promptly_with_what_was_written()
    {
        var (result, stopTook) = _ps.InvokeAndStop(
            "Get-FxCandle BTCUSDT -Interval 1m -StartTime '2020-01-01' -EndTime '2021-01-01'",
            output => output.Count >= 1500, TimeSpan.FromSeconds(30));
        Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stop took {stopTook}");
        Assert.InRange(result.Output.Count, 1500, 100_000);
    }

    [Fact]
    public void Slow_answers_do_not_hang_the_command_it_ends_with_a_timeout_error()
    {
        // The fixture sets FLUXUM_HTTP_TIMEOUT_SEC=2; three attempts, each timing out.
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/ticker/price", Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(30), Times = 3 });
        var r = _ps.Invoke("Get-FxTicker BTCUSDT -Type Price");
        var error = Assert.Single(r.Errors);
        Assert.StartsWith("Fluxum.Timeout", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(12), r.Elapsed.ToString());
    }
}
