using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.TestExchange;

namespace Fluxum.Tests.Market;

/// <summary>The checks Get-FxTicker and Get-FxDepth used to repeat, where the market data does them: unknown symbols and depth limits.</summary>
public sealed class MarketDataValidationTests : IClassFixture<ExchangeServerFixture>
{
    private readonly TestExchangeServer _server;

    public MarketDataValidationTests(ExchangeServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Faults.Clear();
    }

    public static TheoryData<string, string, string> Exchanges => new()
    {
        { "Binance", "BTCUSDT", "NOPEUSDT" },
        { "Kraken", "XBTUSD", "NOPEUSD" },
    };

    private IMarketData Market(string exchange) => exchange == "Binance" ? ExchangeClients.Binance(_server) : ExchangeClients.Kraken(_server);

    [Theory]
    [MemberData(nameof(Exchanges))]
    public async Task An_unknown_symbol_in_a_ticker_list_is_an_error_in_the_result_naming_it_and_the_rest_still_come(string exchange, string known, string unknown)
    {
        var market = Market(exchange);
        var rows = await market.GetPriceTickersAsync(new[] { known, unknown }, default);
        Assert.Equal(known, Assert.Single(rows.Items).NativeSymbol);
        var error = Assert.Single(rows.Errors);
        Assert.Equal("Fluxum.UnknownSymbol", error.ErrorId);
        Assert.Equal(unknown, error.Data["Fluxum.Symbol"]);

        var none = await market.GetTickersAsync(new[] { unknown }, default);
        Assert.Empty(none.Items);
        Assert.Single(none.Errors);
    }

    [Theory]
    [InlineData(1, 5000, 100, 6000, "1 to 5000", 5000)]
    [InlineData(1, 500, 100, 1000, "1 to 500", 500)]
    public void A_depth_limit_outside_the_rule_is_one_error_naming_the_values(int min, int max, int deflt, int asked, string range, int nearest)
    {
        var rule = new DepthLimitRule(min, max, deflt);
        rule.Check(ExchangeId.Kraken, max);
        var e = Assert.Throws<FxException>(() => rule.Check(ExchangeId.Kraken, asked));
        Assert.Equal("Fluxum.InvalidDepthLimit", e.ErrorId);
        Assert.Equal(FxErrorKind.InvalidArgument, e.Kind);
        Assert.Equal($"Kraken serves depth limits of {range}; {asked} is not one (nearest: {nearest}).", e.Message);
    }
}
