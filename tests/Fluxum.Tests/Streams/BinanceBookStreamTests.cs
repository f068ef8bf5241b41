using System.Text;
using System.Text.Json;
using Fluxum.Books;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Json;
using Fluxum.Engine.Streams;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Streams;

/// <summary>
/// The Binance book stream protocol end to end without a socket: real recorded frames go in through OnFrame,
/// snapshots come from a loader the test controls, and what reaches the sink is checked.
/// </summary>
public class BinanceBookStreamTests
{
    private static readonly SymbolInfo Nkn = new() { Exchange = ExchangeId.Binance, Symbol = "NKN/USDT", NativeSymbol = "NKNUSDT" };

    [Fact]
    public async Task The_recorded_sequence_syncs_from_a_late_snapshot_and_agrees_with_every_book_ticker()
    {
        using var doc = Fixtures.Json("binance-spot/ws/seq_depth_snapshot_diff_NKNUSDT.json");
        var snapshot = new TaskCompletionSource<OrderBook>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        var sink = new RecordingSink();
        using var protocol = Protocol(sink, (_, _) =>
        {
            Interlocked.Increment(ref loads);
            return snapshot.Task;
        });
        protocol.OnConnected(new RecordingLink(), ConnectKind.Initial);

        var tickers = new Dictionary<long, JsonElement>();
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            var msg = entry.GetProperty("msg");
            if (entry.GetProperty("src").GetString() == "rest")
            {
                Assert.Empty(sink.Items); // nothing is published before the snapshot
                snapshot.SetResult(BinanceParsers.Depth(msg, Nkn, DateTimeOffset.UnixEpoch));
                await WaitUntil(() => sink.Items.Count > 0);
                continue;
            }

            var data = BinanceStreamParsers.Payload(msg);
            if (data.Find("e") is null && data.Find("u") is { } u) tickers[u.Long()] = data.Clone();
            protocol.OnFrame(Encoding.UTF8.GetBytes(msg.GetRawText()));
        }

        Assert.Equal(1, loads);
        var books = sink.Of<OrderBook>();
        Assert.True(books.Count > 100, $"{books.Count} books published");
        Assert.All(books, b => Assert.Equal(0, b.Resyncs));
        Assert.All(books, b => Assert.True(b.BestBid < b.BestAsk));
        var matched = books.Where(b => tickers.ContainsKey(b.UpdateId)).ToList();
        Assert.True(matched.Count >= 10, $"only {matched.Count} books had a book ticker with their update id");
        foreach (var b in matched)
        {
            var t = tickers[b.UpdateId];
            Assert.Equal(t.Decimal("b"), b.BestBid);
            Assert.Equal(t.Decimal("a"), b.BestAsk);
        }

        // Book tickers (no "e") go nowhere on a book stream; depth diffs only feed the book.
        Assert.All(sink.Items, i => Assert.IsType<OrderBook>(i));
    }

    [Fact]
    public async Task A_gap_resyncs_from_a_new_snapshot_and_counts_it_and_no_book_is_published_in_between()
    {
        var sink = new RecordingSink();
        var snapshots = new Queue<OrderBook>(new[] { Snapshot(100, 10m), Snapshot(205, 20m) });
        using var protocol = Protocol(sink, (_, _) => Task.FromResult(snapshots.Dequeue()));
        protocol.OnConnected(new RecordingLink(), ConnectKind.Initial);

        protocol.OnFrame(Diff(95, 101, bid: 9m));
        await WaitUntil(() => sink.Items.Count == 1);
        protocol.OnFrame(Diff(102, 105, bid: 9.5m));
        Assert.Equal(2, sink.Items.Count);

        // 106..199 never arrives: the next diff does not follow, so the book is rebuilt from the second snapshot.
        protocol.OnFrame(Diff(200, 206, bid: 19m));
        await WaitUntil(() => sink.Items.Count == 3);
        protocol.OnFrame(Diff(207, 208, bid: 19.5m));

        var books = sink.Of<OrderBook>();
        Assert.Equal(new long[] { 101, 105, 206, 208 }, books.Select(b => b.UpdateId));
        Assert.Equal(new[] { 0, 0, 1, 1 }, books.Select(b => b.Resyncs));
        Assert.Equal(20m, books[2].BestAsk); // from the second snapshot, not merged with the first
        Assert.Equal(19.5m, books[3].BestBid);
    }

    [Fact]
    public async Task A_diff_that_crossed_the_book_is_not_applied_again_to_the_next_snapshots()
    {
        var sink = new RecordingSink();
        var snapshots = new List<TaskCompletionSource<OrderBook>>();
        using var protocol = Protocol(sink, (_, _) =>
        {
            var next = new TaskCompletionSource<OrderBook>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (snapshots) snapshots.Add(next);
            return next.Task;
        });
        protocol.OnConnected(new RecordingLink(), ConnectKind.Initial);
        int Loads()
        {
            lock (snapshots) return snapshots.Count;
        }

        async Task Release(int load, long id)
        {
            await WaitUntil(() => Loads() >= load);
            lock (snapshots) snapshots[load - 1].SetResult(Snapshot(id, 10m));
        }

        protocol.OnFrame(Diff(95, 101, bid: 9m));
        await Release(1, 100);
        await WaitUntil(() => sink.Items.Count == 1);

        // 102..110 puts a bid above the best ask: the book crossed. The diffs after it wait for a snapshot.
        protocol.OnFrame(Diff(102, 110, bid: 10.5m));
        protocol.OnFrame(Diff(111, 111, bid: 9.2m));
        protocol.OnFrame(Diff(112, 112, bid: 9.3m));

        // Snapshots that come before update 110 could only be continued through the diff that crossed: they are
        // not built on; the first one that already holds it is.
        await Release(2, 105);
        await Release(3, 106);
        await Release(4, 111);
        await WaitUntil(() => sink.Items.Count == 2);
        await Task.Delay(100);

        Assert.Equal(4, Loads());
        var books = sink.Of<OrderBook>();
        Assert.Equal(new long[] { 101, 112 }, books.Select(b => b.UpdateId));

        // One snapshot was loaded into the book after the crossing, not three (each re-applying the crossing diff).
        Assert.Equal(new[] { 0, 1 }, books.Select(b => b.Resyncs));
        Assert.Equal(9.3m, books[1].BestBid);
        Assert.Equal(10m, books[1].BestAsk);
    }

    [Fact]
    public async Task A_snapshot_older_than_the_first_buffered_diff_is_replaced_by_a_newer_one()
    {
        var sink = new RecordingSink();
        var snapshots = new Queue<OrderBook>(new[] { Snapshot(50, 10m), Snapshot(120, 10m) });
        var loads = 0;
        using var protocol = Protocol(sink, (_, _) =>
        {
            loads++;
            return Task.FromResult(snapshots.Dequeue());
        });
        protocol.OnConnected(new RecordingLink(), ConnectKind.Initial);
        protocol.OnFrame(Diff(100, 121, bid: 9m));
        await WaitUntil(() => sink.Items.Count == 1);
        Assert.Equal(2, loads);
        Assert.Equal(121, sink.Of<OrderBook>()[0].UpdateId);
    }

    [Fact]
    public async Task A_replaced_connection_invalidates_the_book_until_a_new_snapshot()
    {
        var sink = new RecordingSink();
        var second = new TaskCompletionSource<OrderBook>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        using var protocol = Protocol(sink, (_, _) => ++loads == 1 ? Task.FromResult(Snapshot(100, 10m)) : second.Task);
        var link = new RecordingLink();
        protocol.OnConnected(link, ConnectKind.Initial);
        protocol.OnFrame(Diff(99, 101, bid: 9m));
        await WaitUntil(() => sink.Items.Count == 1);

        protocol.OnConnected(link, ConnectKind.Recovered);
        Assert.Equal(2, link.Sent.Count(m => m.Contains("\"SUBSCRIBE\"", StringComparison.Ordinal)));

        // This diff happens to follow the old book, but the connection changed: it waits for a new snapshot.
        protocol.OnFrame(Diff(102, 103, bid: 9.1m));
        protocol.OnFrame(Diff(104, 301, bid: 10.5m));
        await WaitUntil(() => loads == 2);
        await Task.Delay(50);
        Assert.Single(sink.Items);

        second.SetResult(Snapshot(300, 11m));
        await WaitUntil(() => sink.Items.Count == 2);
        var last = sink.Of<OrderBook>()[1];
        Assert.Equal(301, last.UpdateId);
        Assert.Equal(10.5m, last.BestBid);
        Assert.Equal(1, last.Resyncs);
    }

    [Fact]
    public void A_server_shutdown_event_asks_for_a_planned_reconnect_and_an_error_reply_fails_the_stream()
    {
        using var protocol = Protocol(new RecordingSink(), (_, _) => Task.FromResult(Snapshot(1, 10m)));
        var link = new RecordingLink();
        protocol.OnConnected(link, ConnectKind.Initial);
        protocol.OnFrame(Encoding.UTF8.GetBytes("{\"e\":\"serverShutdown\",\"E\":1700000000000}"));
        Assert.Single(link.PlannedReconnects);
        protocol.OnFrame(Encoding.UTF8.GetBytes("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown symbol\"},\"id\":1}"));
        Assert.NotNull(link.Failure);
        Assert.Equal("Binance.Stream.2", link.Failure!.ErrorId);
    }

    [Fact]
    public void Streams_are_split_at_1024_a_connection_and_200_names_a_subscribe_message()
    {
        var symbols = Enumerable.Range(0, 2500).Select(k => new SymbolInfo { Exchange = ExchangeId.Binance, Symbol = $"S{k}/USDT", NativeSymbol = $"S{k}USDT" }).ToList();
        var groups = BinanceStreamNames.Connections(symbols).ToList();
        Assert.Equal(new[] { 1024, 1024, 452 }, groups.Select(g => g.Length));
        Assert.Equal(symbols.Select(s => s.NativeSymbol), groups.SelectMany(g => g).Select(s => s.NativeSymbol));

        var request = new StreamRequest { Channel = StreamChannel.Trade, Symbols = groups[0].Select(s => s.NativeSymbol).ToList() };
        var link = new RecordingLink();
        using var protocol = new BinanceMarketStreamProtocol(request, groups[0], groups[0].Select(s => BinanceStreamNames.For(request, s)).ToList(),
            new RecordingSink(), (_, _) => Task.FromResult(Snapshot(1, 1m)), SequenceRule.FirstLast, CancellationToken.None);
        protocol.OnConnected(link, ConnectKind.Initial);
        Assert.Equal(6, link.Sent.Count);
        var names = link.Sent.SelectMany(m => JsonDocument.Parse(m).RootElement.GetProperty("params").EnumerateArray().Select(p => p.GetString()!)).ToList();
        Assert.Equal(1024, names.Distinct().Count());
        Assert.All(link.Sent, m => Assert.True(JsonDocument.Parse(m).RootElement.GetProperty("params").GetArrayLength() <= 200));
        Assert.Equal("s0usdt@trade", names[0]);
    }

    private static BinanceMarketStreamProtocol Protocol(RecordingSink sink, Func<SymbolInfo, CancellationToken, Task<OrderBook>> loader) =>
        new(new StreamRequest { Channel = StreamChannel.Book, Symbols = new[] { "NKNUSDT" }, BookDepth = 10 }, new[] { Nkn },
            new[] { "nknusdt@depth@100ms" }, sink, loader, SequenceRule.FirstLast, CancellationToken.None);

    private static OrderBook Snapshot(long id, decimal ask) => new(ExchangeId.Binance, Nkn.Symbol, Nkn.NativeSymbol, id, DateTimeOffset.UnixEpoch,
        new[] { new BookLevel(ExchangeId.Binance, Nkn.Symbol, BookSide.Bid, ask - 1m, 1m) }, new[] { new BookLevel(ExchangeId.Binance, Nkn.Symbol, BookSide.Ask, ask, 1m) });

    private static byte[] Diff(long first, long last, decimal bid) => Encoding.UTF8.GetBytes(
        $"{{\"stream\":\"nknusdt@depth@100ms\",\"data\":{{\"e\":\"depthUpdate\",\"E\":1700000000000,\"s\":\"NKNUSDT\",\"U\":{first},\"u\":{last},\"b\":[[\"{bid}\",\"2\"]],\"a\":[]}}}}");

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int k = 0; k < 200 && !condition(); k++) await Task.Delay(10);
        Assert.True(condition(), "timed out waiting for the book");
    }
}
