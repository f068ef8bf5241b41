using System.Management.Automation;
using System.Net.WebSockets;
using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Module;

/// <summary>
/// Remove-Module stops the engine: a watch still running (here in another runspace of the process, which shares
/// the one engine) ends, and its socket is closed with a normal close rather than left open or aborted.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class RemoveModuleTests(ExchangeFixture exchange)
{
    [Theory]
    [InlineData("Watch-FxTrade BTCUSDT", "Binance")]
    [InlineData("Watch-FxTrade BTC/USD -Exchange Kraken", "Kraken")]
    public void Remove_Module_ends_running_watches_and_closes_their_sockets_normally(string watch, string exchangeName)
    {
        var server = exchange.Server;
        var binance = exchangeName == "Binance";
        int Open() => binance ? server.BinanceStreams.ConnectionsOpen : server.KrakenStreams.OpenConnections;
        List<WebSocketCloseStatus?> Closed() => binance
            ? server.BinanceStreams.ClosedConnections.Select(c => c.ClientCloseStatus).ToList()
            : server.KrakenStreams.ClosedConnections.Select(c => c.ClientCloseStatus).ToList();
        var closedBefore = Closed().Count;

        using var watching = new PowerShellSession();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = watching.Runspace;
        ps.AddScript(watch);
        var output = new PSDataCollection<PSObject>();
        var run = ps.BeginInvoke<PSObject, PSObject>(null, output);
        WaitFor(() => output.Count >= 3 || run.IsCompleted, "the first trades");
        Assert.False(run.IsCompleted, "the watch ended before Remove-Module");
        Assert.Equal(1, Open());

        using (var removing = new PowerShellSession())
        {
            removing.Invoke("Remove-Module Fluxum").AssertClean();
        }

        Assert.True(run.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5)), "the watch kept running after Remove-Module");
        try
        {
            ps.EndInvoke(run);
        }
        catch (RuntimeException)
        {
            // How the pipeline ends is the cmdlet's business; the socket is what this test is about.
        }

        WaitFor(() => Open() == 0, "the socket to close");
        Assert.Equal(WebSocketCloseStatus.NormalClosure, Assert.Single(Closed().Skip(closedBefore)));
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }
}
