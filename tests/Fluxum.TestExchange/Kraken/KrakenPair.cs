using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Kraken;

/// <summary>A Kraken pair: its key (XXBTZUSD), altname (XBTUSD), wsname (XBT/USD) and the instrument it quotes.</summary>
internal sealed record KrakenPair(string Key, string AltName, string WsName, string Base, string Quote, Instrument Instrument,
    decimal OrderMin, decimal CostMin)
{
    public static readonly IReadOnlyList<KrakenPair> All = new[]
    {
        new KrakenPair("XXBTZUSD", "XBTUSD", "XBT/USD", "XXBT", "ZUSD", new Instrument("BTC-USD", 60000m, 0.1m, 0.00000001m, Date(2013, 10, 6)), 0.0001m, 0.5m),
        new KrakenPair("XETHZUSD", "ETHUSD", "ETH/USD", "XETH", "ZUSD", new Instrument("ETH-USD", 3000m, 0.01m, 0.00000001m, Date(2015, 8, 7)), 0.002m, 0.5m),
        new KrakenPair("XBTUSDT", "XBTUSDT", "XBT/USDT", "XXBT", "USDT", new Instrument("BTC-USD", 60000m, 0.1m, 0.00000001m, Date(2020, 4, 1)), 0.0001m, 0.5m),
        new KrakenPair("XETHXXBT", "ETHXBT", "ETH/XBT", "XETH", "XXBT", new Instrument("ETH-BTC", 0.05m, 0.00001m, 0.00000001m, Date(2015, 8, 7)), 0.002m, 0.00002m),
        new KrakenPair("SOLUSD", "SOLUSD", "SOL/USD", "SOL", "ZUSD", new Instrument("SOL-USD", 150m, 0.01m, 0.00000001m, Date(2021, 6, 1)), 0.02m, 0.5m),
    };

    /// <summary>Kraken accepts the key or the altname, in any case.</summary>
    public static KrakenPair? Find(string? name) =>
        name is null ? null : All.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)
                                                      || string.Equals(p.AltName, name, StringComparison.OrdinalIgnoreCase));

    private static DateTimeOffset Date(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);
}
