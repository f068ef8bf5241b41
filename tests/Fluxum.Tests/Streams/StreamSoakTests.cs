using Fluxum.Tests.Support;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fluxum.Books;
using Fluxum.Engine;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Streams;
using Fluxum.Engine.Transport;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Streams;
using Xunit.Abstractions;

namespace Fluxum.Tests.Streams;

/// <summary>Memory figures are only meaningful when nothing else in the process allocates: this collection runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StreamSoakCollection
{
    public const string Name = "Stream soak";
}

/// <summary>
/// The soak test of the issue: 100 forced disconnects against the test exchange's sockets and 1,000,000 book
/// updates through the Binance book protocol, with the book still right and the managed heap flat at the end.
/// Sinks keep only the latest book, as the cmdlet bridge does (latest wins), so whatever grows is the stream
/// layer's own.
/// </summary>
[Collection(StreamSoakCollection.Name)]
public sealed class StreamSoakTests(ITestOutputHelper output)
{
    /// <summary>Growth of the managed heap between the warm-up and the end that still counts as flat.</summary>
    private const long FlatBytes = 8 * 1024 * 1024;

    [Fact]
    public async Task Hundred_forced_disconnects_resync_every_time_and_leave_one_subscribed_socket_and_a_flat_heap()
    {
        const int drops = 100;
        const int warmUp = 10;
        const int depth = 20;

        // 101 snapshots of 1000 levels weigh 5050 in well under a minute: within Binance's 6000 a minute only just,
        // so the client's weight gate could fairly pause a resync until the next minute. Not what this test is about.
        await using var server = await TestExchangeServer.StartAsync(new TestExchangeOptions { BinanceWeightLimitPerMinute = 100_000 });
        var binance = server.BinanceStreams;
        // MaxFailures stays far below the drops: only failures with nothing received in between count, and
        // every drop here comes after frames, so the circuit must never open.
        var options = TestStreamOptions.Fast with
        {
            RetryBase = TimeSpan.FromMilliseconds(10),
            RetryMax = TimeSpan.FromMilliseconds(50),
            MaxFailures = 5,
        };
        var streams = ExchangeClients.BinanceStreams(ExchangeClients.Binance(server, TimeSpan.FromSeconds(2)), options);
        var sink = new LatestBookSink();
        using var stop = new CancellationTokenSource();
        var request = new StreamRequest { Channel = StreamChannel.Book, Symbols = new[] { "BTCUSDT" }, BookDepth = depth };
        var run = Task.Run(() => streams.RunAsync(request, sink, stop.Token));

        async Task WaitFor(Func<bool> condition, string what, double seconds = 10)
        {
            var deadline = Stopwatch.StartNew();
            while (!condition())
            {
                if (run.IsCompleted)
                {
                    await run; // a failed stream says why
                    Assert.Fail($"the stream ended while waiting for {what}");
                }

                Assert.True(deadline.Elapsed.TotalSeconds < seconds, $"timed out after {seconds} s waiting for {what}");
                await Task.Delay(5);
            }
        }

        try
        {
            var total = Stopwatch.StartNew();
            await WaitFor(() => sink.Latest is not null, "the first book");
            Assert.Equal(0, sink.Latest!.Resyncs);

            var cycle = new List<double>(drops);
            long warmHeap = 0;
            for (int n = 1; n <= drops; n++)
            {
                var started = Stopwatch.StartNew();
                var before = sink.Latest!;
                var accepted = binance.ConnectionsAccepted;
                Assert.Equal(1, binance.Inject(new StreamFault { Kind = StreamFaultKind.Drop, Stream = "btcusdt@depth" }));
                await WaitFor(() => binance.ConnectionsAccepted > accepted, $"the reconnect after drop {n}");

                // Resubscribed and resynced: a book newer than the one before the drop, rebuilt from a new snapshot.
                var resyncs = n;
                await WaitFor(() => sink.Latest is { } b && b.UpdateId > before.UpdateId && b.Resyncs >= resyncs, $"the resynced book after drop {n}");
                cycle.Add(started.Elapsed.TotalMilliseconds);

                if (n == warmUp)
                {
                    server.Requests.Clear(); // the harness's own record of requests is not the client's memory
                    warmHeap = SettledHeap();
                }
            }

            // A few more books on the last connection, then the end state.
            var settled = sink.Published;
            await WaitFor(() => sink.Published >= settled + 3, "books after the last resync");
            Assert.True(await binance.WaitForAsync(c => c.Count == 1, TimeSpan.FromSeconds(5)), $"{binance.ConnectionsOpen} connections open, not 1");
            var connection = Assert.Single(binance.Connections);
            Assert.Equal(new[] { "btcusdt@depth@100ms" }, connection.Subscriptions);
            Assert.Equal(drops + 1, binance.ConnectionsAccepted);

            var last = sink.Latest!;
            Assert.True(last.Resyncs >= drops, $"the last book was resynced {last.Resyncs} times after {drops} drops");
            var truth = binance.BookAt("BTCUSDT", last.UpdateId, depth);
            Assert.NotNull(truth);
            Assert.Equal(depth, last.Bids.Count);
            Assert.Equal(depth, last.Asks.Count);
            Assert.Equal(truth!.Bids, last.Bids.Select(l => (l.Price, l.Quantity)));
            Assert.Equal(truth.Asks, last.Asks.Select(l => (l.Price, l.Quantity)));
            Assert.Equal(0, sink.Other);

            server.Requests.Clear();
            var endHeap = SettledHeap();
            output.WriteLine($"{drops} drops in {total.Elapsed.TotalSeconds:0.0} s; drop to resynced book: min {cycle.Min():0} ms, " +
                $"mean {cycle.Average():0} ms, max {cycle.Max():0} ms; {sink.Published} books published; last book update {last.UpdateId}, resyncs {last.Resyncs}");
            output.WriteLine($"managed heap after {warmUp} drops {Mb(warmHeap)}, after {drops} drops {Mb(endHeap)}: growth {Mb(endHeap - warmHeap)}");
            Assert.True(endHeap - warmHeap < FlatBytes, $"the heap grew {Mb(endHeap - warmHeap)} from drop {warmUp} to drop {drops}");

            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(await binance.WaitForAsync(c => c.Count == 0, TimeSpan.FromSeconds(3)), "the socket stayed open after the stop");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public async Task A_million_depth_updates_keep_the_book_exact_and_bounded_and_the_heap_flat()
    {
        const int updates = 1_000_000;
        const int warmUp = 100_000;
        const int depth = 20;

        var feed = new DepthFeedGenerator(seed: 20240607, window: DepthFeedGenerator.Window);
        var snapshot = feed.Snapshot();
        var loads = 0;
        var sink = new LatestBookSink();
        var request = new StreamRequest { Channel = StreamChannel.Book, Symbols = new[] { "BTCUSDT" }, BookDepth = depth };
        using var protocol = new BinanceMarketStreamProtocol(request, new[] { DepthFeedGenerator.Btc }, new[] { DepthFeedGenerator.Stream }, sink,
            (_, _) =>
            {
                Interlocked.Increment(ref loads);
                return Task.FromResult(snapshot);
            },
            SequenceRule.FirstLast, CancellationToken.None);
        protocol.OnConnected(new RecordingLink(), ConnectKind.Initial);
        var kept = protocol.Books["BTCUSDT"].Book;

        // The first diff waits in the buffer for the snapshot (loaded on the thread pool), then every diff applies at once.
        protocol.OnFrame(feed.Next());
        for (int k = 0; k < 500 && sink.Published == 0; k++) await Task.Delay(10);
        Assert.Equal(1, sink.Published);

        var total = Stopwatch.StartNew();
        long warmHeap = 0;
        var maxLevels = 0;
        for (int n = 2; n <= updates; n++)
        {
            protocol.OnFrame(feed.Next());
            if (n % 10_000 == 0)
            {
                // The protocol runs on this thread only now: its book can be read between frames.
                Assert.Equal(feed.BidLevels, kept.Bids.Count);
                Assert.Equal(feed.AskLevels, kept.Asks.Count);
                maxLevels = Math.Max(maxLevels, Math.Max(kept.Bids.Count, kept.Asks.Count));
            }

            if (n == warmUp) warmHeap = SettledHeap();
        }

        var elapsed = total.Elapsed;
        var endHeap = SettledHeap();

        Assert.Equal(1, loads);
        Assert.Equal(updates, sink.Published);
        Assert.Equal(0, sink.Other);
        var last = sink.Latest!;
        Assert.Equal(feed.LastUpdateId, last.UpdateId);
        Assert.Equal(0, last.Resyncs);
        Assert.True(kept.IsValid);
        Assert.Equal(feed.Top(bids: true, depth), last.Bids.Select(l => (l.Price, l.Quantity)));
        Assert.Equal(feed.Top(bids: false, depth), last.Asks.Select(l => (l.Price, l.Quantity)));

        // A full book, bounded because removals take levels away: never more than the generator's window a side.
        Assert.Equal(feed.BidLevels, kept.Bids.Count);
        Assert.Equal(feed.AskLevels, kept.Asks.Count);
        Assert.InRange(maxLevels, 1, DepthFeedGenerator.Window);
        Assert.True(feed.Removals > updates / 2, $"only {feed.Removals} removals were sent");

        output.WriteLine($"{updates:N0} updates in {elapsed.TotalSeconds:0.0} s ({updates / elapsed.TotalSeconds:N0}/s); {feed.Changes:N0} level changes, " +
            $"{feed.Removals:N0} of them removals; at most {maxLevels} levels a side (window {DepthFeedGenerator.Window}); final mid {feed.Mid}");
        output.WriteLine($"managed heap after {warmUp:N0} updates {Mb(warmHeap)}, after {updates:N0} {Mb(endHeap)}: growth {Mb(endHeap - warmHeap)}");
        Assert.True(endHeap - warmHeap < FlatBytes, $"the heap grew {Mb(endHeap - warmHeap)} from update {warmUp:N0} to update {updates:N0}");
    }

    private static long SettledHeap()
    {
        for (int k = 0; k < 3; k++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.00' MB'", CultureInfo.InvariantCulture);

    /// <summary>Keeps only the latest book and counts, like the cmdlet bridge where the latest book wins.</summary>
    private sealed class LatestBookSink : IStreamSink
    {
        private OrderBook? _latest;
        private long _published;
        private long _other;

        public OrderBook? Latest => Volatile.Read(ref _latest);
        public long Published => Interlocked.Read(ref _published);
        public long Other => Interlocked.Read(ref _other);

        public void Publish(object item) => Interlocked.Increment(ref _other);

        public ValueTask WaitForRoomAsync(CancellationToken ct) => ValueTask.CompletedTask;

        public void ReportGap(StreamGap gap)
        {
        }

        public void PublishLatest(ExchangeId exchange, string symbol, object item)
        {
            if (item is OrderBook book) Volatile.Write(ref _latest, book);
            else Interlocked.Increment(ref _other);
            Interlocked.Increment(ref _published);
        }
    }

    /// <summary>
    /// Consistent Binance depthUpdate frames for one symbol, written into one reused buffer: each diff starts at the
    /// previous u + 1 and changes a few levels near a moving mid (sizes, new levels, removals as quantity 0). Bids lie
    /// in [mid - Window, mid - 1] and asks in [mid + 1, mid + Window] ticks, so the book never crosses; when the mid
    /// moves, the level it would cross and the one leaving the window are removed in the same diff. The generator
    /// keeps the reference book the protocol's must equal.
    /// </summary>
    private sealed class DepthFeedGenerator(int seed, int window)
    {
        public const int Window = 200;
        public const string Stream = "btcusdt@depth@100ms";
        public static readonly SymbolInfo Btc = new() { Exchange = ExchangeId.Binance, Symbol = "BTC/USDT", NativeSymbol = "BTCUSDT" };

        private readonly Random _random = new(seed);
        private readonly Dictionary<long, long> _bids = new();
        private readonly Dictionary<long, long> _asks = new();
        private readonly Dictionary<long, long> _bidChanges = new();
        private readonly Dictionary<long, long> _askChanges = new();
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);
        private Utf8JsonWriter? _writer;
        private long _eventMs = 1_700_000_000_000;

        public long Mid { get; private set; } = 3_000_000; // ticks of 0.01: 30000.00
        public long LastUpdateId { get; private set; } = 1_000;
        public int BidLevels => _bids.Count;
        public int AskLevels => _asks.Count;
        public long Changes { get; private set; }
        public long Removals { get; private set; }

        /// <summary>Every tick of the window filled; the snapshot is at update <see cref="LastUpdateId"/>.</summary>
        public OrderBook Snapshot()
        {
            for (int k = 1; k <= window; k++)
            {
                _bids[Mid - k] = Size();
                _asks[Mid + k] = Size();
            }

            return new OrderBook(ExchangeId.Binance, Btc.Symbol, Btc.NativeSymbol, LastUpdateId, DateTimeOffset.FromUnixTimeMilliseconds(_eventMs),
                Levels(true, int.MaxValue).Select(l => new BookLevel(ExchangeId.Binance, Btc.Symbol, BookSide.Bid, l.Price, l.Quantity)).ToList(),
                Levels(false, int.MaxValue).Select(l => new BookLevel(ExchangeId.Binance, Btc.Symbol, BookSide.Ask, l.Price, l.Quantity)).ToList());
        }

        /// <summary>The reference book's best levels, as the protocol's book must show them.</summary>
        public List<(decimal Price, decimal Quantity)> Top(bool bids, int depth) => Levels(bids, depth).ToList();

        /// <summary>The next frame; valid until the next call.</summary>
        public ReadOnlyMemory<byte> Next()
        {
            _bidChanges.Clear();
            _askChanges.Clear();
            if (_random.Next(5) == 0)
            {
                if (_random.Next(2) == 0)
                {
                    Set(_asks, _askChanges, Mid + 1, 0); // the new mid's bids may reach it
                    Set(_bids, _bidChanges, Mid - window, 0); // out of the window
                    Mid++;
                }
                else
                {
                    Set(_bids, _bidChanges, Mid - 1, 0);
                    Set(_asks, _askChanges, Mid + window, 0);
                    Mid--;
                }
            }

            var operations = _random.Next(1, 5);
            for (int k = 0; k < operations; k++)
            {
                var bid = _random.Next(2) == 0;
                var (side, changes) = bid ? (_bids, _bidChanges) : (_asks, _askChanges);

                // Mostly near the touch, sometimes deep.
                var offset = 1 + Math.Min(window - 1, (int)(-Math.Log(1 - _random.NextDouble()) * 15));
                var tick = bid ? Mid - offset : Mid + offset;
                Set(side, changes, tick, side.ContainsKey(tick) && _random.Next(100) < 45 ? 0 : Size());
            }

            var first = LastUpdateId + 1;
            LastUpdateId = first + _random.Next(0, 3);
            _eventMs += 100;
            return Write(first);
        }

        private ReadOnlyMemory<byte> Write(long first)
        {
            _buffer.ResetWrittenCount();
            if (_writer is null) _writer = new Utf8JsonWriter(_buffer);
            else _writer.Reset(_buffer);
            var w = _writer;
            w.WriteStartObject();
            w.WriteString("stream"u8, Stream);
            w.WriteStartObject("data"u8);
            w.WriteString("e"u8, "depthUpdate"u8);
            w.WriteNumber("E"u8, _eventMs);
            w.WriteString("s"u8, "BTCUSDT"u8);
            w.WriteNumber("U"u8, first);
            w.WriteNumber("u"u8, LastUpdateId);
            WriteLevels(w, "b"u8, _bidChanges, descending: true);
            WriteLevels(w, "a"u8, _askChanges, descending: false);
            w.WriteEndObject();
            w.WriteEndObject();
            w.Flush();
            return _buffer.WrittenMemory;
        }

        private static void WriteLevels(Utf8JsonWriter w, ReadOnlySpan<byte> name, Dictionary<long, long> changes, bool descending)
        {
            Span<byte> text = stackalloc byte[40];
            Span<long> ticks = stackalloc long[changes.Count];
            var n = 0;
            foreach (var t in changes.Keys) ticks[n++] = t;
            ticks.Sort();
            if (descending) ticks.Reverse();
            w.WriteStartArray(name);
            foreach (var t in ticks)
            {
                w.WriteStartArray();
                Price(t).TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
                w.WriteStringValue(text[..written]);
                Quantity(changes[t]).TryFormat(text, out written, default, CultureInfo.InvariantCulture);
                w.WriteStringValue(text[..written]);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        private void Set(Dictionary<long, long> side, Dictionary<long, long> changes, long tick, long size)
        {
            if (size == 0)
            {
                side.Remove(tick);
                Removals++;
            }
            else
            {
                side[tick] = size;
            }

            changes[tick] = size;
            Changes++;
        }

        /// <summary>A size in lots of 0.001.</summary>
        private long Size() => 1 + (long)(-Math.Log(1 - _random.NextDouble()) * 400);

        private IEnumerable<(decimal Price, decimal Quantity)> Levels(bool bids, int depth)
        {
            var side = bids ? _bids : _asks;
            var ordered = bids ? side.OrderByDescending(p => p.Key) : side.OrderBy(p => p.Key);
            return ordered.Take(depth).Select(p => (Price(p.Key), Quantity(p.Value)));
        }

        private static decimal Price(long ticks) => new((int)ticks, (int)(ticks >> 32), 0, false, 2);

        private static decimal Quantity(long lots) => new((int)lots, (int)(lots >> 32), 0, false, 3);
    }
}
