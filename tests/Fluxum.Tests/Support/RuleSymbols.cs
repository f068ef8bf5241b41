using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Tests.Support;

/// <summary>Symbols with known trading rules, for the rule and nearest-value tests that reason about exact numbers.</summary>
internal static class RuleSymbols
{
    /// <summary>BTCUSDT-like rules: tick 0.01, step 0.00001, min qty 0.00001, max 9000, min notional 5, band 0.2x..5x.</summary>
    public static readonly SymbolInfo BtcUsdt = new()
    {
        Exchange = ExchangeId.Binance, Symbol = "BTC/USDT", NativeSymbol = "BTCUSDT", BaseAsset = "BTC", QuoteAsset = "USDT",
        TickSize = 0.01m, MinPrice = 0.01m, MaxPrice = 1_000_000m, LotStep = 0.00001m, MinQuantity = 0.00001m, MaxQuantity = 9000m,
        MarketLotStep = 0.00001m, MarketMinQuantity = 0.00001m, MarketMaxQuantity = 100m, MinNotional = 5m, MinNotionalAppliesToMarket = true,
        BidMultiplierUp = 5m, BidMultiplierDown = 0.2m, AskMultiplierUp = 5m, AskMultiplierDown = 0.2m, AveragePriceMinutes = 5,
    };

    public static OrderRequest Limit(TradeSide side, decimal qty, decimal price) =>
        new("BTCUSDT", side, OrderType.Limit) { Quantity = qty, Price = price };
}
