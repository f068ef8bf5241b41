using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.Try;

namespace Fluxum.PowerShell.Tests.Module;

/// <summary>What a person sees: each output type renders as its table view through Out-Default.</summary>
[Collection(ModuleCollection.Name)]
public sealed class FormatRenderingTests
{
    private static string Render(string script)
    {
        var text = new StringWriter();
        using var runspace = RunspaceFactory.CreateRunspace(new ConsoleHost(text, 200, colours: false), InitialSessionState.CreateDefault2());
        runspace.Open();
        using (var import = System.Management.Automation.PowerShell.Create())
        {
            import.Runspace = runspace;
            import.AddScript($"Import-Module '{RepoPaths.Manifest}' -ErrorAction Stop").Invoke();
        }

        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script).AddCommand("Out-Default").Invoke();
        Assert.False(ps.HadErrors, string.Join("; ", ps.Streams.Error));
        return text.ToString();
    }

    [Theory]
    [InlineData("Get-FxExchange", "Market", "Implemented")]
    [InlineData("Get-FxServerTime", "ServerTimeUtc", "OffsetMs")]
    [InlineData("Get-FxSymbol -Quote USDT", "NativeSymbol Status", "MinNotional")]
    [InlineData("Get-FxDepth BTCUSDT -Limit 5", "BestBid", "SpreadBps")]
    [InlineData("(Get-FxDepth BTCUSDT -Limit 5).Bids", "Side", "Notional")]
    [InlineData("(Get-FxDepth BTCUSDT).EstimateFill('Buy', 1)", "AveragePrice", "SlippageBps")]
    [InlineData("Get-FxTicker BTCUSDT", "LastPrice", "Change%")]
    [InlineData("Get-FxTicker BTCUSDT -Type Price", "Exchange Symbol", "Price")]
    [InlineData("Get-FxTicker BTCUSDT -Type Book", "BidPrice", "SpreadBps")]
    [InlineData("Get-FxTrade BTCUSDT -Limit 3", "Time", "Side")]
    [InlineData("Get-FxCandle BTCUSDT -Limit 3", "OpenTime", "Closed")]
    [InlineData("Compare-FxPrice BTC/USDT -Exchange Binance, Kraken", "BidVsBestBps", "BestAsk")]
    public void Output_renders_as_its_table_view(string command, string header, string column)
    {
        var text = Render(command);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var headerLine = Assert.Single(lines, l => l.Contains(header) && l.Contains(column));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("---", StringComparison.Ordinal));
        Assert.DoesNotContain(" : ", headerLine); // a table, not the list fallback
    }
}
