using Fluxum.Books;
using Fluxum.Engine.Streams;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Tests.Streams;

/// <summary>The buffer the Watch commands read: back-pressure instead of loss, books one per (exchange, symbol).</summary>
public class StreamBufferTests
{
    [Fact]
    public async Task A_full_buffer_makes_writers_wait_until_the_reader_has_taken_it_down_to_half_and_drops_nothing()
    {
        var buffer = new StreamBuffer(capacity: 10);
        for (int k = 0; k < 9; k++) buffer.Publish(k);
        Assert.True(buffer.WaitForRoomAsync(CancellationToken.None).IsCompleted);

        buffer.Publish(9);
        var wait = buffer.WaitForRoomAsync(CancellationToken.None).AsTask();
        Assert.False(wait.IsCompleted);

        // A frame being read when the buffer filled still delivers all its items: nothing is refused.
        buffer.Publish(10);
        Assert.Equal(11, buffer.Count);
        for (int k = 0; k < 5; k++) Assert.Equal(k, buffer.TryTake());
        await Task.Delay(20);
        Assert.False(wait.IsCompleted, "writers resume at half the capacity, not at the first free place");
        Assert.Equal(5, buffer.TryTake());
        await wait.WaitAsync(TimeSpan.FromSeconds(2));

        var rest = new List<object>();
        while (buffer.TryTake() is { } item) rest.Add(item);
        Assert.Equal(Enumerable.Range(6, 5).Cast<object>(), rest);
        Assert.Equal(11, buffer.MostQueued);
        Assert.Equal(1, buffer.Pauses);
    }

    [Fact]
    public async Task A_waiting_writer_is_released_when_the_stream_completes_or_its_token_is_cancelled()
    {
        var buffer = new StreamBuffer(capacity: 2);
        buffer.Publish(1);
        buffer.Publish(2);
        using var cts = new CancellationTokenSource();
        var cancelled = buffer.WaitForRoomAsync(cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(2)));

        var waiting = buffer.WaitForRoomAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        buffer.Complete(null);
        await waiting.WaitAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Books_of_one_symbol_on_two_exchanges_wait_side_by_side_and_a_newer_book_replaces_its_own_only()
    {
        var buffer = new StreamBuffer(capacity: 10);
        using var binance = new BookPublisher(buffer, depth: 5, interval: TimeSpan.Zero, gate: new object());
        using var kraken = new BookPublisher(buffer, depth: 5, interval: TimeSpan.Zero, gate: new object());
        binance.Changed(Book(ExchangeId.Binance, 100m, updateId: 1));
        kraken.Changed(Book(ExchangeId.Kraken, 200m, updateId: 0));
        binance.Changed(Book(ExchangeId.Binance, 101m, updateId: 2));

        var books = new List<OrderBook>();
        while (buffer.TryTake() is OrderBook b) books.Add(b);
        Assert.Equal(2, books.Count);
        var fromBinance = Assert.Single(books, b => b.Exchange == ExchangeId.Binance);
        Assert.Equal(101m, fromBinance.BestBid);
        Assert.Equal(200m, Assert.Single(books, b => b.Exchange == ExchangeId.Kraken).BestBid);
        Assert.All(books, b => Assert.Equal("BTC/USDT", b.Symbol));
    }

    [Fact]
    public void Gaps_are_kept_for_the_reader_and_counted()
    {
        var buffer = new StreamBuffer(capacity: 10);
        var gap = new StreamGap(ExchangeId.Binance, "BTC/USDT", "trades", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(3), "connection lost: reset");
        buffer.ReportGap(gap);
        Assert.Equal(1, buffer.GapCount);
        Assert.True(buffer.TryTakeGap(out var taken));
        Assert.Equal(gap, taken);
        Assert.Equal("Binance BTC/USDT trades: events between 1970-01-01 00:00:00.000Z and 1970-01-01 00:00:03.000Z were missed (connection lost: reset).",
            taken.ToString());
    }

    private static LocalOrderBook Book(ExchangeId exchange, decimal bid, long updateId)
    {
        var book = new LocalOrderBook(exchange, "BTC/USDT", exchange == ExchangeId.Kraken ? "XBTUSDT" : "BTCUSDT");
        book.LoadSnapshot(updateId, new[] { (bid, 1m) }, new[] { (bid + 1m, 1m) }, DateTimeOffset.UnixEpoch);
        return book;
    }
}
