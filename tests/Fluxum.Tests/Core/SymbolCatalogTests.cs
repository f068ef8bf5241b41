using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Tests.Core;

public class SymbolCatalogTests
{
    private static SymbolInfo S(string native, string b, string q) =>
        new() { Exchange = ExchangeId.Binance, NativeSymbol = native, BaseAsset = b, QuoteAsset = q, Symbol = AssetCodes.Unified(b, q) };

    private readonly SymbolCatalog _catalog = new(ExchangeId.Binance, new[] { S("BTCUSDT", "BTC", "USDT"), S("ETHBTC", "ETH", "BTC") }, DateTimeOffset.UtcNow);

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("btcusdt")]
    [InlineData("BTC/USDT")]
    [InlineData("btc-usdt")]
    [InlineData("BTC_USDT")]
    [InlineData("XBT/USDT")]
    [InlineData(" BTC/USDT ")]
    public void Resolves_native_and_unified_forms(string name)
    {
        Assert.True(_catalog.TryResolve(name, out var s));
        Assert.Equal("BTCUSDT", s.NativeSymbol);
    }

    [Fact]
    public void Unknown_symbol_is_ObjectNotFound_naming_the_exchange()
    {
        var e = Assert.Throws<FxException>(() => _catalog.Resolve("NOPEUSDT"));
        Assert.Equal(FxErrorKind.ObjectNotFound, e.Kind);
        Assert.Equal("Fluxum.UnknownSymbol", e.ErrorId);
        Assert.Contains("Binance", e.Message);
        Assert.Contains("NOPEUSDT", e.Message);
        Assert.False(_catalog.TryResolve("", out _));
    }
}
