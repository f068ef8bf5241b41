using System.Text.Json;
using Fluxum.Books;
using Fluxum.Engine.Adapters.Binance;
using Fluxum.Engine.Json;
using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Books;

/// <summary>
/// A real recorded NKNUSDT sequence (diffs, a REST snapshot, more diffs and book tickers, in receive order)
/// replayed through the documented spot algorithm: the book applies every diff without a gap and agrees with
/// the exchange's own best bid and ask whenever both describe the same update id.
/// </summary>
public class RecordedDepthReplayTests
{
    [Fact]
    public void Binance_spot_sequence_replays_without_gaps_and_matches_the_book_ticker()
    {
        using var doc = Fixtures.Json("binance-spot/ws/seq_depth_snapshot_diff_NKNUSDT.json");

        // Book tickers carry the update id of the book they describe; diffs arrive in 100 ms batches, so a
        // ticker is checked against the book when the book reaches its id, whichever came first on the wire.
        var tickers = new Dictionary<long, JsonElement>();
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            var data = BinanceStreamParsers.Payload(entry.GetProperty("msg"));
            if (entry.GetProperty("src").GetString() == "ws" && data.Find("e") is null && data.Find("u") is { } id) tickers[id.Long()] = data.Clone();
        }

        var book = new LocalOrderBook(ExchangeId.Binance, "NKN/USDT", "NKNUSDT");
        var buffered = new List<DepthDiff>();
        bool synced = false;
        int applied = 0, stale = 0, compared = 0;
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            var msg = entry.GetProperty("msg");
            if (entry.GetProperty("src").GetString() == "rest")
            {
                book.LoadSnapshot(msg.Long("lastUpdateId"), Levels(msg.Get("bids")), Levels(msg.Get("asks")), DateTimeOffset.UnixEpoch);
                synced = true;
                foreach (var diff in buffered) Count(book.ApplyDiff(diff.FirstUpdateId, diff.LastUpdateId, diff.Bids, diff.Asks, diff.EventTime));
                continue;
            }

            var data = BinanceStreamParsers.Payload(msg);
            if (data.Find("e")?.GetString() == "depthUpdate")
            {
                var diff = BinanceStreamParsers.DepthUpdate(data);
                if (!synced) buffered.Add(diff);
                else Count(book.ApplyDiff(diff.FirstUpdateId, diff.LastUpdateId, diff.Bids, diff.Asks, diff.EventTime));
            }
        }

        Assert.True(book.IsValid);
        Assert.Equal(149, applied);
        Assert.Equal(1, stale); // the first diff ends exactly at the snapshot's id
        Assert.True(compared >= 10, $"only {compared} book tickers matched an applied update id");

        void Count(DiffResult result)
        {
            Assert.NotEqual(DiffResult.Gap, result);
            Assert.NotEqual(DiffResult.Crossed, result);
            if (result != DiffResult.Applied)
            {
                stale++;
                return;
            }

            applied++;
            if (!tickers.TryGetValue(book.LastUpdateId, out var ticker)) return;
            var top = book.ToOrderBook(1);
            Assert.Equal(ticker.Decimal("b"), top.BestBid);
            Assert.Equal(ticker.Decimal("B"), top.BestBidQuantity);
            Assert.Equal(ticker.Decimal("a"), top.BestAsk);
            Assert.Equal(ticker.Decimal("A"), top.BestAskQuantity);
            compared++;
        }
    }

    private static IEnumerable<(decimal, decimal)> Levels(JsonElement array) =>
        array.EnumerateArray().Select(l => (l[0].Decimal(), l[1].Decimal())).ToList();
}
