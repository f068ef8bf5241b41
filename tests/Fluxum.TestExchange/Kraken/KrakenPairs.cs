using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Kraken;

/// <summary>A Kraken spot pair: its key (XXBTZUSD), altname (XBTUSD), wsname (XBT/USD), assets and order rules.</summary>
internal sealed record KrakenPair(string Key, string AltName, string WsName, string Base, string Quote, Instrument Instrument,
    decimal OrderMin, decimal CostMin, int CostDecimals, int[] Leverage, int LongPositionLimit, int ShortPositionLimit)
{
    /// <summary>Ticker, depth and trade prices carry at least 5 places on Kraken ("106038.20000"); OHLC uses pair_decimals.</summary>
    public int WirePriceDecimals => Math.Max(5, Instrument.PriceDecimals);
}

/// <summary>The pairs served. BTC trades on the same price path as Binance's BTCUSDT, with Kraken's 0.1 tick.</summary>
internal static class KrakenPairs
{
    public static readonly IReadOnlyList<KrakenPair> All = new[]
    {
        new KrakenPair("XXBTZUSD", "XBTUSD", "XBT/USD", "XXBT", "ZUSD",
            Kraken("XXBTZUSD", PricePaths.BtcUsd, 0.1m, At(2013, 10, 6), seconds: 1, baseUsd: 60000, daily: 3e8, levelUsd: 5000),
            OrderMin: 0.00005m, CostMin: 0.5m, CostDecimals: 5, Leverage: new[] { 2, 3, 4, 5 }, 270, 180),
        new KrakenPair("XETHZUSD", "ETHUSD", "ETH/USD", "XETH", "ZUSD",
            Kraken("XETHZUSD", PricePaths.EthUsd, 0.01m, At(2015, 8, 7), seconds: 2, baseUsd: 3000, daily: 1.5e8, levelUsd: 3000),
            OrderMin: 0.002m, CostMin: 0.5m, CostDecimals: 5, Leverage: new[] { 2, 3, 4, 5 }, 4500, 3500),
        new KrakenPair("XBTUSDT", "XBTUSDT", "XBT/USDT", "XXBT", "USDT",
            Kraken("XBTUSDT", PricePaths.BtcUsd, 0.1m, At(2020, 4, 28), seconds: 5, baseUsd: 60000, daily: 3e7, levelUsd: 2000),
            OrderMin: 0.00005m, CostMin: 0.5m, CostDecimals: 5, Leverage: new[] { 2, 3 }, 50, 40),
        new KrakenPair("XETHXXBT", "ETHXBT", "ETH/XBT", "XETH", "XXBT",
            Kraken("XETHXXBT", PricePaths.EthBtc, 0.00001m, At(2015, 8, 7), seconds: 10, baseUsd: 3000, daily: 5e6, levelUsd: 800),
            OrderMin: 0.002m, CostMin: 0.00002m, CostDecimals: 10, Leverage: new[] { 2, 3, 4, 5 }, 800, 600),
        new KrakenPair("SOLUSD", "SOLUSD", "SOL/USD", "SOL", "ZUSD",
            Kraken("SOLUSD", PricePaths.SolUsd, 0.01m, At(2021, 6, 17), seconds: 3, baseUsd: 150, daily: 5e7, levelUsd: 1500),
            OrderMin: 0.02m, CostMin: 0.5m, CostDecimals: 5, Leverage: new[] { 2, 3 }, 50000, 40000),
    };

    /// <summary>Kraken accepts a pair's key or its altname, in any case.</summary>
    public static KrakenPair? Find(string name) => All.FirstOrDefault(p =>
        string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase) || string.Equals(p.AltName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Trade sizes follow from the daily volume and the spacing, so the tape and the candles carry similar volume.</summary>
    private static Instrument Kraken(string key, PricePath path, decimal tick, DateTimeOffset listed, double seconds, double baseUsd, double daily,
        double levelUsd) =>
        new("kraken", key, path, tick, 0.00000001m, listed, TimeSpan.FromSeconds(seconds), baseUsd, daily,
            tradeUsd: daily * seconds / 86400 / 1.24, levelUsd: levelUsd, bookLot: 0.001m);

    private static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);
}
