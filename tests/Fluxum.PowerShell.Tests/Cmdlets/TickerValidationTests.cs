using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>
/// Get-FxTicker's unknown symbols, now reported by the market data itself: each fails alone, the rest go out in one
/// request. Kraken's side is in Fluxum.Tests (MarketDataValidationTests): here its small call budget is shared by the
/// whole collection, and Test-FxConnection's tests read it.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class TickerValidationTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();

    public TickerValidationTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
    }

    public void Dispose() => _ps.Dispose();

    [Theory]
    [InlineData("Binance", "BTCUSDT, NOPEUSDT, ETHUSDT", "/api/v3/ticker/price", 2)]
    public void An_unknown_symbol_is_an_error_aimed_at_it_and_the_others_come_in_one_request(string exchange, string symbols, string path, int found)
    {
        _exchange.Server.Requests.Clear();
        var r = _ps.Invoke($"Get-FxTicker {symbols} -Exchange {exchange} -Type Price");
        Assert.Null(r.Terminating);
        Assert.Equal(found, r.Output.Count);
        var error = Assert.Single(r.Errors);
        Assert.StartsWith("Fluxum.UnknownSymbol", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.StartsWith("NOPE", (string)error.TargetObject);
        Assert.Contains("has no symbol 'NOPE", error.Exception.Message);
        Assert.Equal(1, _exchange.Server.Requests.All.Count(q => q.Path.EndsWith(path, StringComparison.Ordinal)));
    }

    [Fact]
    public void Only_unknown_symbols_send_no_ticker_request()
    {
        _exchange.Server.Requests.Clear();
        var r = _ps.Invoke("Get-FxTicker NOPEUSDT");
        Assert.Empty(r.Output);
        Assert.Equal("NOPEUSDT", Assert.Single(r.Errors).TargetObject);
        Assert.Equal(0, _exchange.Server.Requests.All.Count(q => q.Path.Contains("/ticker", StringComparison.OrdinalIgnoreCase)));
    }
}
