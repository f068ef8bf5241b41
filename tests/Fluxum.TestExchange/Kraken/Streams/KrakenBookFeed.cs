using System.Text.Json;

namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>
/// book at a depth: remembers the top levels the client was last told about, and sends only what differs from
/// the live book's top now. A level that left the top because it was removed is sent with qty 0; one pushed
/// below the depth by better levels is not (the client truncates to its depth, as Kraken's guide says).
/// Every frame carries the checksum of the top ten the client should now hold.
/// </summary>
internal sealed class KrakenBookFeed(KrakenPair pair, int depth) : KrakenFeed(pair)
{
    public static readonly int[] Depths = { 10, 25, 100, 500, 1000 };

    private KrakenLevel[] _bids = Array.Empty<KrakenLevel>();
    private KrakenLevel[] _asks = Array.Empty<KrakenLevel>();

    public override string Channel => "book";
    public override int? Depth => depth;

    public override void WriteAckFields(Utf8JsonWriter w) => w.WriteNumber("depth", depth);

    public override byte[] Snapshot(KrakenStreamMarket market)
    {
        var book = market.Book(Pair);
        _bids = book.Top(true, depth);
        _asks = book.Top(false, depth);
        return Frame("snapshot", _bids, _asks, Checksum(), market.Now);
    }

    public override byte[]? Update(KrakenStreamMarket market) => Update(market, wrongChecksum: false);

    public byte[]? Update(KrakenStreamMarket market, bool wrongChecksum)
    {
        var book = market.Book(Pair);
        var bids = book.Top(true, depth);
        var asks = book.Top(false, depth);
        var bidChanges = Changes(_bids, bids, book, isBid: true);
        var askChanges = Changes(_asks, asks, book, isBid: false);
        _bids = bids;
        _asks = asks;
        if (bidChanges.Count == 0 && askChanges.Count == 0) return null;
        var checksum = Checksum();
        return Frame("update", bidChanges, askChanges, wrongChecksum ? checksum ^ 0x5A5A5A5Au : checksum, market.Now);
    }

    private uint Checksum() => KrakenBookChecksum.Compute(Pair, _bids, _asks);

    private static List<KrakenLevel> Changes(KrakenLevel[] before, KrakenLevel[] after, KrakenLiveBook book, bool isBid)
    {
        var old = new Dictionary<long, long>(before.Length);
        foreach (var l in before) old[l.Ticks] = l.Steps;
        var changes = new List<KrakenLevel>();
        foreach (var l in after)
        {
            if (!old.Remove(l.Ticks, out var steps) || steps != l.Steps) changes.Add(l);
        }

        foreach (var (ticks, _) in old)
        {
            if (!book.Contains(isBid, ticks)) changes.Add(new KrakenLevel(ticks, 0));
        }

        return changes;
    }

    private byte[] Frame(string type, IReadOnlyList<KrakenLevel> bids, IReadOnlyList<KrakenLevel> asks, uint checksum, DateTimeOffset now) =>
        Envelope(type, w =>
        {
            w.WriteStartObject();
            w.WriteString("symbol", Symbol);
            w.WriteStartArray("bids");
            foreach (var l in bids) KrakenStreamJson.Level(w, Pair, l.Ticks, l.Steps);
            w.WriteEndArray();
            w.WriteStartArray("asks");
            foreach (var l in asks) KrakenStreamJson.Level(w, Pair, l.Ticks, l.Steps);
            w.WriteEndArray();
            w.WriteNumber("checksum", checksum);
            KrakenStreamJson.Time(w, "timestamp", now);
            w.WriteEndObject();
        });
}
