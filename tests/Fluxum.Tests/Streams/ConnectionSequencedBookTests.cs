using Fluxum.Books;
using Fluxum.Engine.Streams;
using Fluxum.Models;

namespace Fluxum.Tests.Streams;

/// <summary>
/// The keeper for one sequence number per connection (Coinbase's kind): a break anywhere voids every book on the
/// connection, updates wait for each book's new snapshot, and a new connection numbers afresh.
/// </summary>
public class ConnectionSequencedBookTests
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch;

    private readonly List<string> _requests = new();
    private readonly List<OrderBook> _published = new();
    private readonly ConnectionSequencedBook _keeper;

    public ConnectionSequencedBookTests()
    {
        _keeper = new ConnectionSequencedBook(
            new[] { new LocalOrderBook(ExchangeId.Coinbase, "BTC/USD", "BTC-USD"), new LocalOrderBook(ExchangeId.Coinbase, "ETH/USD", "ETH-USD") },
            _requests.Add, b => _published.Add(b.ToOrderBook()));
    }

    [Fact]
    public void Updates_wait_for_the_snapshot_then_apply_in_sequence()
    {
        _keeper.On(1, "BTC-USD", isSnapshot: false, _ => throw new InvalidOperationException("no update before the snapshot"));
        _keeper.On(2, "BTC-USD", isSnapshot: true, Snapshot(99m, 101m));
        _keeper.On(3, "BTC-USD", isSnapshot: false, Update(bid: 100m));
        _keeper.On(4, null, isSnapshot: false, null); // a heartbeat counts for the sequence too
        _keeper.On(5, "BTC-USD", isSnapshot: false, Update(bid: 100.5m));

        Assert.Equal(new decimal?[] { 99m, 100m, 100.5m }, _published.Select(b => b.BestBid));
        Assert.Empty(_requests);
    }

    [Fact]
    public void A_sequence_break_on_any_message_voids_every_book_and_asks_for_each_again()
    {
        _keeper.On(1, "BTC-USD", isSnapshot: true, Snapshot(99m, 101m));
        _keeper.On(2, "ETH-USD", isSnapshot: true, Snapshot(9m, 11m));

        // 3 was lost (it may have been either book's): 4 does not follow.
        _keeper.On(4, "ETH-USD", isSnapshot: false, _ => throw new InvalidOperationException("the update after a break must not be applied"));
        Assert.Equal(new[] { "BTC-USD", "ETH-USD" }, _requests.Order());
        Assert.All(_keeper.Books.Values, b => Assert.False(b.IsValid));
        _keeper.On(5, "BTC-USD", isSnapshot: false, _ => throw new InvalidOperationException("updates wait for the new snapshot"));

        _keeper.On(6, "BTC-USD", isSnapshot: true, Snapshot(98m, 102m));
        Assert.Equal(3, _published.Count);
        Assert.Equal(1, _published[^1].Resyncs);
        Assert.True(_keeper.AwaitingSnapshot("ETH-USD"));
    }

    [Fact]
    public void A_repeated_message_is_ignored_and_a_new_connection_numbers_afresh()
    {
        _keeper.On(10, "BTC-USD", isSnapshot: true, Snapshot(99m, 101m));
        _keeper.On(11, "BTC-USD", isSnapshot: false, Update(bid: 100m));
        _keeper.On(11, "BTC-USD", isSnapshot: false, _ => throw new InvalidOperationException("a repeat must not be applied twice"));
        Assert.Empty(_requests);

        _keeper.OnConnected();
        Assert.True(_keeper.AwaitingSnapshot("BTC-USD"));
        _keeper.On(1, "BTC-USD", isSnapshot: true, Snapshot(97m, 103m));
        _keeper.On(2, "BTC-USD", isSnapshot: false, Update(bid: 97.5m));

        Assert.Empty(_requests); // the new connection's subscription brought the snapshot; nothing was asked for
        Assert.Equal(97.5m, _published[^1].BestBid);
    }

    [Fact]
    public void An_update_that_crosses_the_book_asks_for_that_book_only()
    {
        _keeper.On(1, "BTC-USD", isSnapshot: true, Snapshot(99m, 101m));
        _keeper.On(2, "ETH-USD", isSnapshot: true, Snapshot(9m, 11m));
        _keeper.On(3, "BTC-USD", isSnapshot: false, Update(bid: 102m));

        Assert.Equal(new[] { "BTC-USD" }, _requests);
        Assert.False(_keeper.Books["BTC-USD"].IsValid);
        Assert.True(_keeper.Books["ETH-USD"].IsValid);
        Assert.Equal(2, _published.Count);
    }

    private static Func<LocalOrderBook, DiffResult> Snapshot(decimal bid, decimal ask) => b =>
    {
        b.LoadSnapshot(0, new[] { (bid, 1m) }, new[] { (ask, 1m) }, T);
        return b.IsValid ? DiffResult.Applied : DiffResult.Crossed;
    };

    private static Func<LocalOrderBook, DiffResult> Update(decimal bid) => b => b.ApplyLevels(new[] { (bid, 1m) }, ReadOnlySpan<(decimal, decimal)>.Empty, T);
}
