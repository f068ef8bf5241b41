using System.Text.Json;
using Fluxum.Books;
using Fluxum.Engine.Exchanges.Binance;
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
    [Theory]
    [InlineData("binance-spot/ws/seq_depth_snapshot_diff_NKNUSDT.json", SequenceRule.FirstLast, 149, 1)]
    [InlineData("binance-usdm/ws/seq_depth_snapshot_diff_SUSHIUSDT.json", SequenceRule.PreviousLast, 252, 3)]
    [InlineData("binance-coinm/ws/seq_depth_snapshot_diff_BCHUSD_PERP.json", SequenceRule.PreviousLast, 208, 7)]
    public void Recorded_sequences_replay_without_gaps_and_match_the_book_ticker(string file, SequenceRule rule, int expectApplied, int expectStale)
    {
        using var doc = Fixtures.Json(file);

        // Book tickers carry the update id of the book they describe; diffs arrive in 100 ms batches, so a
        // ticker is checked against the book when the book reaches its id, whichever came first on the wire.
        var tickers = new Dictionary<long, JsonElement>();
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            var data = BinanceStreamParsers.Payload(entry.GetProperty("msg"));
            var kind = data.Find("e")?.GetString();
            if (entry.GetProperty("src").GetString() == "ws" && kind is null or "bookTicker" && data.Find("u") is { } id) tickers[id.Long()] = data.Clone();
        }

        var book = new LocalOrderBook(ExchangeId.Binance, "X/Y", "XY", rule);
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
                foreach (var diff in buffered) Count(book.ApplyDiff(diff));
                continue;
            }

            var data = BinanceStreamParsers.Payload(msg);
            if (data.Find("e")?.GetString() == "depthUpdate")
            {
                var diff = BinanceStreamParsers.DepthUpdate(data);
                if (!synced) buffered.Add(diff);
                else Count(book.ApplyDiff(diff));
            }
        }

        Assert.True(book.IsValid);
        Assert.Equal(expectApplied, applied);
        Assert.Equal(expectStale, stale); // diffs that end before (or, on spot, at) the snapshot
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
