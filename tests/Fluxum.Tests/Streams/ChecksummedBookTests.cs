using Fluxum.Books;
using Fluxum.Engine.Streams;
using Fluxum.Models;

namespace Fluxum.Tests.Streams;

/// <summary>The checksum-proven book (Kraken's kind) without a socket: what it ignores, when it asks again, what it publishes.</summary>
public class ChecksummedBookTests
{
    private static readonly (decimal, decimal)[] Bids = { (99m, 1m) };
    private static readonly (decimal, decimal)[] Asks = { (101m, 1m) };

    [Fact]
    public void Updates_before_the_first_snapshot_are_ignored_and_a_failed_checksum_asks_for_a_new_one()
    {
        var requests = 0;
        var published = new List<OrderBook>();
        var book = new ChecksummedBook(new LocalOrderBook(ExchangeId.Kraken, "BTC/USD", "XBTUSD"), () => requests++,
            b => published.Add(b.ToOrderBook()), TimeSpan.FromMinutes(1));

        book.On(isSnapshot: false, _ => throw new InvalidOperationException("an update before the snapshot must not be applied"));
        book.On(isSnapshot: true, Snapshot);
        Assert.False(book.AwaitingSnapshot);
        Assert.Single(published);

        book.On(isSnapshot: false, _ => DiffResult.Gap); // what a checksum mismatch reports
        Assert.Equal(1, requests);
        Assert.True(book.AwaitingSnapshot);
        book.On(isSnapshot: false, _ => throw new InvalidOperationException("updates wait for the new snapshot"));

        book.On(isSnapshot: true, Snapshot);
        Assert.Equal(2, published.Count);
        Assert.Equal(1, published[1].Resyncs);
    }

    [Fact]
    public void A_snapshot_that_does_not_come_in_time_is_asked_for_again()
    {
        var requests = 0;
        var book = new ChecksummedBook(new LocalOrderBook(ExchangeId.Kraken, "BTC/USD", "XBTUSD"), () => requests++, _ => { }, TimeSpan.FromMilliseconds(50));
        book.CheckPatience();
        Assert.Equal(0, requests);
        Thread.Sleep(80);
        book.CheckPatience();
        Assert.Equal(1, requests);
        book.CheckPatience();
        Assert.Equal(1, requests); // the clock starts again with each request
    }

    private static DiffResult Snapshot(LocalOrderBook b)
    {
        b.LoadSnapshot(0, Bids, Asks, DateTimeOffset.UnixEpoch);
        return DiffResult.Applied;
    }
}
