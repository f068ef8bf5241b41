using System.Globalization;
using System.Text;

using Fluxum.Books;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>
/// Kraken's book checksum: CRC32 over the top ten asks (best first) then the top ten bids (best first), each
/// level written as its price then its quantity exactly as Kraken sent them, with the decimal point removed
/// and leading zeros stripped. The book must keep the scale of the numbers it received for this to match.
/// </summary>
internal static class KrakenChecksum
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(BookSideLevels bids, BookSideLevels asks)
    {
        var text = new StringBuilder(640);
        for (int k = 0; k < Math.Min(10, asks.Count); k++) Append(text, asks[k]);
        for (int k = 0; k < Math.Min(10, bids.Count); k++) Append(text, bids[k]);
        return Crc32(Encoding.ASCII.GetBytes(text.ToString()));
    }

    private static void Append(StringBuilder text, (decimal Price, decimal Quantity) level)
    {
        text.Append(Digits(level.Price)).Append(Digits(level.Quantity));
    }

    private static string Digits(decimal value) =>
        value.ToString(CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal).TrimStart('0');

    /// <summary>CRC-32 (IEEE 802.3, as zlib computes it).</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }

        return table;
    }
}
