using System.Text;

namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>
/// Kraken's book checksum, written here independently of the client's: CRC32 (zlib's) over the top ten asks,
/// lowest first, then the top ten bids, highest first; each price and quantity as sent, without the '.' and
/// without leading zeros.
/// </summary>
internal static class KrakenBookChecksum
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(i =>
    {
        var c = (uint)i;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static uint Compute(KrakenPair pair, IReadOnlyList<KrakenLevel> bids, IReadOnlyList<KrakenLevel> asks)
    {
        var text = new StringBuilder(512);
        for (int k = 0; k < Math.Min(10, asks.Count); k++) Append(text, pair, asks[k]);
        for (int k = 0; k < Math.Min(10, bids.Count); k++) Append(text, pair, bids[k]);
        var crc = 0xFFFFFFFFu;
        foreach (var ch in text.ToString()) crc = Table[(crc ^ (byte)ch) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static void Append(StringBuilder text, KrakenPair pair, KrakenLevel level)
    {
        text.Append(KrakenStreamJson.PriceText(pair, level.Ticks).Replace(".", "", StringComparison.Ordinal).TrimStart('0'));
        text.Append(KrakenStreamJson.QuantityText(pair, level.Steps).Replace(".", "", StringComparison.Ordinal).TrimStart('0'));
    }
}
