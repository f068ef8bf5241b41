using Fluxum.Tests.Support;
using System.Diagnostics;
using System.Net.WebSockets;
using Fluxum.Engine;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Streams;
using Fluxum.Engine.Transport;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Streams;
using Xunit.Abstractions;

namespace Fluxum.Tests.Streams;

/// <summary>
/// The stream session against the test exchange with a reader slower than the exchange: it stops reading the
/// socket instead of dropping, its own pauses are not taken for a dead connection, an exchange that drops the
/// paused reader shows as a gap with its span, repeated trades are dropped, and every stop is a normal close.
/// </summary>
public sealed class BackPressureTests(ITestOutputHelper output)
{
    private const string Trades = "btcusdt@trade";

    [Fact]
    public async Task A_burst_of_100000_trades_into_a_slow_reader_arrives_complete_in_order_with_the_buffer_bounded_and_the_socket_paused()
    {
        const int burst = 100_000;
        const int capacity = 1000;
        await using var server = await TestExchangeServer.StartAsync(new TestExchangeOptions { StreamTradeInterval = TimeSpan.FromHours(1) });
        var buffer = new StreamBuffer(capacity);
        await using var run = BinanceRun(server, buffer, new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTCUSDT" } });
        var trades = new List<Trade>();
        await run.Read(trades, 1, TimeSpan.FromSeconds(10));
        Assert.Equal(1, server.BinanceStreams.Burst(Trades, burst));

        // About 10 µs an item (1 ms every 100), several times slower than the session parses them, and once a
        // pause of 600 ms mid-burst: long enough for the exchange to see its sends wait.
        var clock = Stopwatch.StartNew();
        await Task.Run(() =>
        {
            while (trades.Count < burst + 1)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{trades.Count} trades after {clock.Elapsed}");
                if (buffer.TryTake() is not Trade t)
                {
                    Thread.Sleep(1);
                    continue;
                }

                trades.Add(t);
                if (trades.Count == 20_000) Thread.Sleep(600);
                else if (trades.Count % 100 == 0) Thread.Sleep(1);
            }
        });

        for (int k = 1; k < trades.Count; k++) Assert.True(long.Parse(trades[k].Id) == long.Parse(trades[k - 1].Id) + 1, $"trade {k}: {trades[k - 1].Id} then {trades[k].Id}");
        Assert.InRange(buffer.MostQueued, capacity, capacity + 1); // a Binance trade frame holds one trade
        Assert.True(buffer.Pauses > 0, "the session never had to wait for the reader");
        Assert.Equal(0, buffer.GapCount);
        Assert.Equal(1, server.BinanceStreams.ConnectionsAccepted);

        // The exchange's side: its sends waited because the client had stopped reading the socket.
        await run.StopAsync();
        var closed = Assert.Single(server.BinanceStreams.ClosedConnections);
        output.WriteLine($"{trades.Count} trades in {clock.Elapsed.TotalMilliseconds:0} ms; the session paused {buffer.Pauses} times, at most {buffer.MostQueued} waited; " +
            $"server sends that waited ≥ 100 ms: {closed.SendStalls}, the longest {closed.LongestSendWait.TotalMilliseconds:0} ms");
        Assert.True(closed.LongestSendWait >= TimeSpan.FromMilliseconds(300), $"the server's longest wait to send was {closed.LongestSendWait}");
        Assert.Equal(WebSocketCloseStatus.NormalClosure, closed.ClientCloseStatus);
    }

    [Fact]
    public async Task Pausing_reading_for_longer_than_the_stale_timeout_is_not_taken_for_a_dead_connection()
    {
        await using var server = await TestExchangeServer.StartAsync(new TestExchangeOptions { StreamTradeInterval = TimeSpan.FromMilliseconds(20) });
        var buffer = new StreamBuffer(capacity: 10);
        await using var run = BinanceRun(server, buffer, new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTCUSDT" } },
            TestStreamOptions.Fast with { StaleTimeout = TimeSpan.FromSeconds(1) });
        var trades = new List<Trade>();
        await run.Read(trades, 5, TimeSpan.FromSeconds(10));

        // Three stale timeouts without reading: the buffer fills and the session stops reading.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(buffer.Pauses > 0);
        await run.Read(trades, 60, TimeSpan.FromSeconds(10));

        Assert.Equal(1, server.BinanceStreams.ConnectionsAccepted);
        Assert.Equal(0, buffer.GapCount);
        for (int k = 1; k < trades.Count; k++) Assert.Equal(long.Parse(trades[k - 1].Id) + 1, long.Parse(trades[k].Id));
    }

    [Fact]
    public async Task An_exchange_that_drops_the_paused_reader_is_reported_as_a_gap_with_its_span_and_the_stream_goes_on()
    {
        await using var server = await TestExchangeServer.StartAsync(new TestExchangeOptions
        {
            StreamTradeInterval = TimeSpan.FromMilliseconds(10),
            StreamSlowReaderTimeout = TimeSpan.FromSeconds(1),
        });
        var buffer = new StreamBuffer(capacity: 100);
        await using var run = BinanceRun(server, buffer, new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTCUSDT" } },
            TestStreamOptions.Fast with { StaleTimeout = TimeSpan.FromSeconds(3) });
        var before = new List<Trade>();
        await run.Read(before, 1, TimeSpan.FromSeconds(10));

        // Far more than the socket buffers hold, and nobody reads: the exchange's sends stall until it gives up.
        server.BinanceStreams.Burst(Trades, 300_000);
        var deadline = Stopwatch.StartNew();
        while (!server.BinanceStreams.ClosedConnections.Any(c => c.DroppedAsSlowReader))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "the exchange never dropped the paused reader");
            await Task.Delay(50);
        }

        // Reading again: what was buffered, then the break, the reconnect, the gap and new trades.
        var all = new List<object>();
        StreamGap? gap = null;
        deadline.Restart();
        while (gap is null || all.OfType<Trade>().Count(t => t.Time >= gap.FirstAfter) < 10)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"no gap and new trades after {all.Count} items");
            if (buffer.TryTakeGap(out var g))
            {
                gap ??= g;
                all.Add(g);
            }
            else if (buffer.TryTake() is { } item)
            {
                all.Add(item);
            }
            else
            {
                await Task.Delay(5);
            }
        }

        var dropped = server.BinanceStreams.ClosedConnections.First();
        Assert.True(dropped.DroppedAsSlowReader);
        Assert.Null(dropped.ClientCloseStatus);
        Assert.Equal(2, server.BinanceStreams.ConnectionsAccepted);

        Assert.Equal((ExchangeId.Binance, "BTC/USDT", "trades"), (gap.Exchange, gap.Symbol, gap.Stream));
        Assert.Contains("paused", gap.Reason, StringComparison.Ordinal);
        var at = all.IndexOf(gap);
        var lastBefore = all.Take(at).OfType<Trade>().LastOrDefault() ?? before[^1];
        var firstAfter = all.Skip(at + 1).OfType<Trade>().First();
        Assert.Equal(lastBefore.Time, gap.LastBefore);
        Assert.Equal(firstAfter.Time, gap.FirstAfter);
        Assert.True(gap.LastBefore <= gap.FirstAfter);
        Assert.Equal(1, buffer.GapCount);
        output.WriteLine($"{all.Count} items read after the pause; {gap}");
    }

    [Fact]
    public async Task A_repeated_trade_frame_is_written_once()
    {
        var host = new RecordingHost();
        using var log = Diagnostics.FxLog.Use(host);
        await using var server = await TestExchangeServer.StartAsync(new TestExchangeOptions { StreamTradeInterval = TimeSpan.FromMilliseconds(20) });
        var buffer = new StreamBuffer(capacity: 1000);
        await using var run = BinanceRun(server, buffer, new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTCUSDT" }, Aggregate = true });
        var trades = new List<Trade>();
        await run.Read(trades, 3, TimeSpan.FromSeconds(10));
        Assert.Equal(1, server.BinanceStreams.Inject(new StreamFault { Kind = StreamFaultKind.DuplicateTrade, Stream = "btcusdt@aggTrade" }));
        await run.Read(trades, 15, TimeSpan.FromSeconds(10));

        Assert.All(trades, t => Assert.True(t.IsAggregate));
        Assert.Equal(trades.Count, trades.Select(t => t.Id).Distinct().Count());
        for (int k = 1; k < trades.Count; k++) Assert.Equal(long.Parse(trades[k - 1].Id) + 1, long.Parse(trades[k].Id));
        Assert.Contains(host.Verbose, v => v.Contains("aggregate trades: dropped a repeat of trade", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stop_closes_normally_within_a_second_even_while_reading_is_paused_behind_a_backlog()
    {
        await using var server = await TestExchangeServer.StartAsync(new TestExchangeOptions { StreamTradeInterval = TimeSpan.FromHours(1) });
        var buffer = new StreamBuffer(capacity: 10);
        var run = BinanceRun(server, buffer, new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTCUSDT" } });
        await run.Read(new List<Trade>(), 1, TimeSpan.FromSeconds(10));
        server.BinanceStreams.Burst(Trades, 100_000);
        while (buffer.Count < buffer.Capacity) await Task.Delay(10);
        await Task.Delay(300);

        var clock = Stopwatch.StartNew();
        await run.StopAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the stop took {clock.Elapsed}");
        Assert.True(await server.BinanceStreams.WaitForAsync(c => c.Count == 0, TimeSpan.FromSeconds(2)), "the socket stayed open");
        Assert.Equal(WebSocketCloseStatus.NormalClosure, Assert.Single(server.BinanceStreams.ClosedConnections).ClientCloseStatus);
    }

    [Fact]
    public async Task A_kraken_stream_closes_with_a_normal_close_too()
    {
        await using var server = await TestExchangeServer.StartAsync();
        var buffer = new StreamBuffer(capacity: 1000);
        var streams = ExchangeClients.KrakenStreams(ExchangeClients.Kraken(server), TestStreamOptions.Fast);
        var run = new BufferRun(streams, buffer, new StreamRequest { Channel = StreamChannel.Book, Symbols = new[] { "BTC/USD" }, BookDepth = 10 });
        var deadline = Stopwatch.StartNew();
        while (buffer.TryTake() is not OrderBook)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "no book");
            await Task.Delay(10);
        }

        await run.StopAsync();
        for (int k = 0; k < 100 && server.KrakenStreams.ClosedConnections.Count == 0; k++) await Task.Delay(20);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, Assert.Single(server.KrakenStreams.ClosedConnections).ClientCloseStatus);
    }

    private static BufferRun BinanceRun(TestExchangeServer server, StreamBuffer buffer, StreamRequest request, StreamOptions? options = null)
    {
        var market = ExchangeClients.Binance(server, TimeSpan.FromSeconds(2));
        return new BufferRun(ExchangeClients.BinanceStreams(market, options ?? TestStreamOptions.Fast), buffer, request);
    }

    /// <summary>A stream running into a <see cref="StreamBuffer"/> for a test, which reads it at its own pace.</summary>
    private sealed class BufferRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly StreamBuffer _buffer;
        private readonly Task _task;

        public BufferRun(IMarketStreams streams, StreamBuffer buffer, StreamRequest request)
        {
            _buffer = buffer;
            _task = Task.Run(() => streams.RunAsync(request, buffer, _stop.Token));
        }

        /// <summary>Takes trades until <paramref name="into"/> holds <paramref name="count"/>.</summary>
        public async Task Read(List<Trade> into, int count, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (into.Count < count)
            {
                if (_task.IsFaulted) await _task;
                Assert.True(clock.Elapsed < timeout, $"{into.Count} of {count} trades after {timeout}");
                if (_buffer.TryTake() is Trade t) into.Add(t);
                else await Task.Delay(5);
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _task.WaitAsync(TimeSpan.FromSeconds(3));
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _task.WaitAsync(TimeSpan.FromSeconds(3));
            }
            catch (Exception)
            {
                // The test already looked at how it ended.
            }
        }
    }
}
