using Fluxum.Engine.Exchanges.Kraken;
using System.Globalization;
using System.Text.Json;
using Fluxum.Books;
using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Books;

/// <summary>A real Kraken v1 book-1000 sequence: every update's CRC32 checksum matches the book kept here.</summary>
public class KrakenChecksumReplayTests
{
    [Fact]
    public void Every_recorded_update_checksum_matches()
    {
        using var doc = Fixtures.Json("kraken/ws/seq_v1_book1000_checksum_XBT_CHF.json");
        var book = new LocalOrderBook(ExchangeId.Kraken, "BTC/CHF", "XBTCHF");
        int checkedUpdates = 0;
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            var msg = entry.GetProperty("msg");
            if (msg.ValueKind != JsonValueKind.Array) continue;
            var parts = msg.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object).ToList();
            if (parts[0].TryGetProperty("as", out var snapshotAsks))
            {
                book.LoadSnapshot(0, Levels(parts[0].GetProperty("bs")), Levels(snapshotAsks), DateTimeOffset.UnixEpoch);
                continue;
            }

            var asks = parts.Where(p => p.TryGetProperty("a", out _)).SelectMany(p => Levels(p.GetProperty("a"))).ToArray();
            var bids = parts.Where(p => p.TryGetProperty("b", out _)).SelectMany(p => Levels(p.GetProperty("b"))).ToArray();
            var expected = uint.Parse(parts.Last().GetProperty("c").GetString()!, CultureInfo.InvariantCulture);
            var result = book.ApplyLevels(bids, asks, DateTimeOffset.UnixEpoch, depth: 1000, KrakenChecksum.Compute, expected);
            Assert.Equal(DiffResult.Applied, result);
            checkedUpdates++;
        }

        Assert.Equal(289, checkedUpdates);
    }

    [Fact]
    public void A_wrong_checksum_invalidates_the_book()
    {
        var book = new LocalOrderBook(ExchangeId.Kraken, "BTC/USD", "XBTUSD");
        book.LoadSnapshot(0, new[] { (100.0m, 1.00m) }, new[] { (101.0m, 2.00m) }, DateTimeOffset.UnixEpoch);
        var right = KrakenChecksum.Compute(book.Bids, book.Asks);
        Assert.Equal(DiffResult.Gap, book.ApplyLevels(new[] { (99.5m, 1.00m) }, default, DateTimeOffset.UnixEpoch, 1000, KrakenChecksum.Compute, right + 1));
        Assert.False(book.IsValid);
        Assert.Throws<InvalidOperationException>(() => book.ToOrderBook());
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, KrakenChecksum.Crc32("123456789"u8));
    }

    // Kraken's numbers keep their scale ("0.15000000"): the checksum is computed over that text.
    private static IEnumerable<(decimal, decimal)> Levels(JsonElement array) =>
        array.EnumerateArray().Select(l => (
            decimal.Parse(l[0].GetString()!, CultureInfo.InvariantCulture),
            decimal.Parse(l[1].GetString()!, CultureInfo.InvariantCulture))).ToList();
}
