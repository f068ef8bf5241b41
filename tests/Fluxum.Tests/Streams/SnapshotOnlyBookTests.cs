using Fluxum.Books;
using Fluxum.Engine.Streams;
using Fluxum.Models;

namespace Fluxum.Tests.Streams;

/// <summary>The whole-book-per-message keeper (Hyperliquid's and Bitrue's kind): each message replaces the book; crossed or older ones are not published.</summary>
public class SnapshotOnlyBookTests
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Each_message_replaces_the_whole_book_and_no_old_level_survives()
    {
        var published = new List<OrderBook>();
        var keeper = new SnapshotOnlyBook(new LocalOrderBook(ExchangeId.Hyperliquid, "BTC/USDC", "BTC"), b => published.Add(b.ToOrderBook()));

        keeper.OnSnapshot(1, new[] { (99m, 1m), (98m, 2m) }, new[] { (101m, 1m) }, T);
        keeper.OnSnapshot(2, new[] { (97m, 3m) }, new[] { (102m, 1m), (103m, 4m) }, T);

        Assert.Equal(2, published.Count);
        Assert.Equal(new[] { 97m }, published[1].Bids.Select(l => l.Price));
        Assert.Equal(new[] { 102m, 103m }, published[1].Asks.Select(l => l.Price));
    }

    [Fact]
    public void A_crossed_message_is_not_published_and_the_next_sound_one_is()
    {
        var published = new List<OrderBook>();
        var keeper = new SnapshotOnlyBook(new LocalOrderBook(ExchangeId.Bitrue, "BTC/USDT", "BTCUSDT"), b => published.Add(b.ToOrderBook()));

        keeper.OnSnapshot(1, new[] { (99m, 1m) }, new[] { (101m, 1m) }, T);
        keeper.OnSnapshot(2, new[] { (102m, 1m) }, new[] { (101m, 1m) }, T);
        Assert.Single(published);
        Assert.False(keeper.Book.IsValid);

        keeper.OnSnapshot(3, new[] { (100m, 1m) }, new[] { (101m, 1m) }, T);
        Assert.Equal(2, published.Count);
        Assert.Equal(100m, published[1].BestBid);
    }

    [Fact]
    public void A_message_older_than_the_book_held_is_ignored()
    {
        var published = new List<OrderBook>();
        var keeper = new SnapshotOnlyBook(new LocalOrderBook(ExchangeId.Hyperliquid, "BTC/USDC", "BTC"), b => published.Add(b.ToOrderBook()));

        keeper.OnSnapshot(5, new[] { (99m, 1m) }, new[] { (101m, 1m) }, T);
        keeper.OnSnapshot(4, new[] { (90m, 1m) }, new[] { (91m, 1m) }, T);

        Assert.Single(published);
        Assert.Equal(99m, keeper.Book.ToOrderBook().BestBid);
    }
}
