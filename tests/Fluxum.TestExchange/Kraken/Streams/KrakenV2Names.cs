namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>
/// WebSocket v2 names its pairs with ISO-style assets ("BTC/USD"), while AssetPairs still answers wsname "XBT/USD"
/// (the v1 name). Like the real endpoint, v2 accepts only its own names: clients must map, as Kraken's users do.
/// </summary>
internal static class KrakenV2Names
{
    public static string Of(KrakenPair pair) => pair.WsName.Replace("XBT", "BTC", StringComparison.Ordinal);

    public static KrakenPair? Find(string symbol) => KrakenPairs.All.FirstOrDefault(p => Of(p) == symbol);
}
