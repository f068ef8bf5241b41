using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Binance;

/// <summary>A Binance spot symbol: the instrument and the exchangeInfo rules around it.</summary>
internal sealed record BinanceMarket(string Symbol, string BaseAsset, string QuoteAsset, Instrument Instrument,
    decimal MinQty, decimal MaxQty, decimal MinNotional, string Status = "TRADING")
{
    public static readonly IReadOnlyList<BinanceMarket> All = new[]
    {
        new BinanceMarket("BTCUSDT", "BTC", "USDT", new Instrument("BTC-USD", 60000m, 0.01m, 0.00001m, Date(2017, 8, 17)), 0.00001m, 9000m, 5m),
        new BinanceMarket("ETHUSDT", "ETH", "USDT", new Instrument("ETH-USD", 3000m, 0.01m, 0.0001m, Date(2017, 8, 17)), 0.0001m, 9000m, 5m),
        new BinanceMarket("ETHBTC", "ETH", "BTC", new Instrument("ETH-BTC", 0.05m, 0.00001m, 0.0001m, Date(2017, 7, 14)), 0.0001m, 100000m, 0.0001m),
        new BinanceMarket("BNBUSDT", "BNB", "USDT", new Instrument("BNB-USD", 600m, 0.01m, 0.001m, Date(2017, 11, 6)), 0.001m, 90000m, 5m),
        new BinanceMarket("SOLUSDT", "SOL", "USDT", new Instrument("SOL-USD", 150m, 0.01m, 0.001m, Date(2020, 8, 11)), 0.001m, 90000m, 5m),
        new BinanceMarket("LUNAUSDT", "LUNA", "USDT", new Instrument("LUNA-USD", 0.5m, 0.0001m, 0.01m, Date(2022, 5, 31)), 0.01m, 900000m, 5m, "BREAK"),
    };

    public static BinanceMarket? Find(string? symbol) =>
        symbol is null ? null : All.FirstOrDefault(m => string.Equals(m.Symbol, symbol, StringComparison.Ordinal));

    private static DateTimeOffset Date(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);
}
