using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Binance;

/// <summary>A Binance spot symbol: the instrument behind it and the exchangeInfo rules around it.</summary>
internal sealed record BinanceSymbol(string Symbol, string BaseAsset, string QuoteAsset, Instrument Instrument,
    decimal MinQty, decimal MaxQty, decimal MarketMaxQty, decimal MinNotional, decimal MaxPrice,
    bool MarginAllowed = true, string Status = "TRADING", bool LegacyFilters = false);

/// <summary>
/// The symbols served, with real-looking rules. LUNAUSDT is in BREAK (halted in May 2022: its tape, candles
/// and price stop there, its book is empty) and still carries the older MIN_NOTIONAL and PERCENT_PRICE filters.
/// </summary>
internal static class BinanceMarkets
{
    public static readonly IReadOnlyList<BinanceSymbol> All = new[]
    {
        new BinanceSymbol("BTCUSDT", "BTC", "USDT",
            new Instrument("binance", "BTCUSDT", PricePaths.BtcUsd, 0.01m, 0.00001m, At(2017, 8, 17, 4), TimeSpan.FromMilliseconds(100),
                baseUsd: 60000, dailyQuoteUsd: 1.5e9, tradeIdBase: 100_000_000, tradeUsd: 1400, levelUsd: 3000),
            MinQty: 0.00001m, MaxQty: 9000m, MarketMaxQty: 120m, MinNotional: 5m, MaxPrice: 1000000m),
        new BinanceSymbol("ETHUSDT", "ETH", "USDT",
            new Instrument("binance", "ETHUSDT", PricePaths.EthUsd, 0.01m, 0.0001m, At(2017, 8, 17, 4), TimeSpan.FromMilliseconds(150),
                baseUsd: 3000, dailyQuoteUsd: 8e8, tradeIdBase: 50_000_000, tradeUsd: 1100, levelUsd: 2000),
            MinQty: 0.0001m, MaxQty: 9000m, MarketMaxQty: 2500m, MinNotional: 5m, MaxPrice: 1000000m),
        new BinanceSymbol("ETHBTC", "ETH", "BTC",
            new Instrument("binance", "ETHBTC", PricePaths.EthBtc, 0.00001m, 0.0001m, At(2017, 7, 14, 4), TimeSpan.FromMilliseconds(500),
                baseUsd: 3000, dailyQuoteUsd: 3e7, tradeIdBase: 20_000_000, tradeUsd: 170, levelUsd: 600),
            MinQty: 0.0001m, MaxQty: 100000m, MarketMaxQty: 1500m, MinNotional: 0.0001m, MaxPrice: 922327m),
        new BinanceSymbol("BNBUSDT", "BNB", "USDT",
            new Instrument("binance", "BNBUSDT", PricePaths.BnbUsd, 0.01m, 0.001m, At(2017, 11, 6, 3, 30), TimeSpan.FromMilliseconds(400),
                baseUsd: 600, dailyQuoteUsd: 1.5e8, tradeIdBase: 10_000_000, tradeUsd: 690, levelUsd: 900),
            MinQty: 0.001m, MaxQty: 900000m, MarketMaxQty: 8000m, MinNotional: 5m, MaxPrice: 100000m),
        new BinanceSymbol("SOLUSDT", "SOL", "USDT",
            new Instrument("binance", "SOLUSDT", PricePaths.SolUsd, 0.01m, 0.001m, At(2020, 8, 11, 6), TimeSpan.FromMilliseconds(250),
                baseUsd: 150, dailyQuoteUsd: 4e8, tradeIdBase: 5_000_000, tradeUsd: 1150, levelUsd: 1200),
            MinQty: 0.001m, MaxQty: 9000000m, MarketMaxQty: 40000m, MinNotional: 5m, MaxPrice: 10000m),
        new BinanceSymbol("LUNAUSDT", "LUNA", "USDT",
            new Instrument("binance", "LUNAUSDT", PricePaths.LunaUsd, 0.00000001m, 0.01m, At(2020, 8, 21, 10), TimeSpan.FromMilliseconds(200),
                baseUsd: 0.0001, dailyQuoteUsd: 5e4, tradeIdBase: 0, halted: At(2022, 5, 13, 2), tradeUsd: 0.15, levelUsd: 5),
            MinQty: 0.01m, MaxQty: 9000000000m, MarketMaxQty: 0m, MinNotional: 1m, MaxPrice: 1000m,
            MarginAllowed: false, Status: "BREAK", LegacyFilters: true),
    };

    private static readonly Dictionary<string, BinanceSymbol> BySymbol = All.ToDictionary(s => s.Symbol, StringComparer.Ordinal);

    /// <summary>Exact (upper-case) symbol lookup, like Binance.</summary>
    public static BinanceSymbol? Find(string symbol) => BySymbol.GetValueOrDefault(symbol);

    private static DateTimeOffset At(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);
}
