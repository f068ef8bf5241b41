using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>Tab completion as the console asks for it (TabExpansion2).</summary>
[Collection(ModuleCollection.Name)]
public sealed class CompletionTests : IDisposable
{
    private readonly PowerShellSession _ps = new();

    public void Dispose() => _ps.Dispose();

    private List<string> Complete(string line) =>
        _ps.Invoke($"(TabExpansion2 -inputScript '{line.Replace("'", "''")}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText")
            .Output.Select(o => o.ToString()!).ToList();

    [Fact]
    public void Exchange_completes_from_the_exchange_ids()
    {
        Assert.Equal(new[] { "Kraken" }, Complete("Get-FxDepth -Exchange Kr"));
        var binance = Complete("Get-FxTicker -Exchange Bin");
        Assert.Equal(new[] { "Binance", "BinanceCoinM", "BinanceUsdM" }, binance.OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public void Interval_completes_with_the_chosen_exchanges_intervals()
    {
        Assert.Equal(new[] { "1m", "1M" }.Where(c => c == "1m"), Complete("Get-FxCandle BTCUSDT -Interval 1m").Where(c => c == "1m"));
        var kraken = Complete("Get-FxCandle XBTUSD -Exchange Kraken -Interval 1");
        Assert.Equal(new[] { "1m", "15m", "1h", "1d", "1w", "15d" }, kraken);
        var binance = Complete("Get-FxCandle BTCUSDT -Interval ");
        Assert.Equal(16, binance.Count);
        Assert.Contains("1M", binance);
        Assert.Contains("1s", binance);
    }

    [Fact]
    public void Symbol_completes_from_the_exchanges_symbol_list()
    {
        var binance = Complete("Get-FxDepth ETH");
        Assert.Contains("ETHUSDT", binance);
        Assert.Contains("ETHBTC", binance);
        Assert.All(binance, s => Assert.StartsWith("ETH", s));

        var unified = Complete("Get-FxDepth -Symbol BTC/");
        Assert.Contains("BTC/USDT", unified);

        var kraken = Complete("Get-FxTicker -Exchange Kraken -Symbol XBT");
        Assert.Contains("XBTUSD", kraken);
        Assert.DoesNotContain("BTCUSDT", kraken);
    }
}
