using Fluxum.Tests.Support;
using Fluxum.Engine;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Streams;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Streams;

namespace Fluxum.Tests.Streams;

/// <summary>
/// The stream session and the Binance protocols against the local test exchange's WebSocket endpoints: objects
/// arrive, every fault ends with a book equal to the exchange's own at the same update id, the session
/// resubscribes after each reconnect, and a stop closes the socket.
/// </summary>
public sealed class BinanceStreamSessionTests : IAsyncLifetime
{
    private static StreamOptions Fast => TestStreamOptions.Fast;

    private TestExchangeServer _server = null!;

    public async Task InitializeAsync() => _server = await TestExchangeServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Trades_arrive_as_model_objects_and_a_stop_closes_the_socket()
    {
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTC/USDT", "ETHUSDT" } });
        await run.WaitFor(() => run.Sink.Of<Trade>().Select(t => t.Symbol).Distinct().Count() == 2, "trades of both symbols");
        var connection = Assert.Single(_server.BinanceStreams.Connections);
        Assert.Equal(new[] { "btcusdt@trade", "ethusdt@trade" }, connection.Subscriptions.Order());
        Assert.All(run.Sink.Of<Trade>(), t => Assert.True(t.Price > 0 && t.Quantity > 0 && t.Exchange == ExchangeId.Binance));

        await run.StopAsync();
        Assert.True(await _server.BinanceStreams.WaitForAsync(c => c.Count == 0, TimeSpan.FromSeconds(2)), "the socket stayed open");
    }

    [Theory]
    [InlineData(StreamFaultKind.Gap)]
    [InlineData(StreamFaultKind.Duplicate)]
    [InlineData(StreamFaultKind.Reorder)]
    [InlineData(StreamFaultKind.Malformed)]
    [InlineData(StreamFaultKind.Drop)]
    [InlineData(StreamFaultKind.PlannedDisconnect)]
    [InlineData(StreamFaultKind.Silence)]
    public async Task After_each_fault_the_book_equals_the_exchanges_own_and_the_session_is_subscribed(StreamFaultKind kind)
    {
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Book, Symbols = new[] { "BTCUSDT" }, BookDepth = 50 });
        await run.WaitFor(() => run.Sink.Of<OrderBook>().Count >= 3, "the first books");
        var accepted = _server.BinanceStreams.ConnectionsAccepted;

        _server.BinanceStreams.Inject(new StreamFault { Kind = kind, Stream = "btcusdt@depth", Duration = TimeSpan.FromSeconds(4) });
        var reconnects = kind is StreamFaultKind.Drop or StreamFaultKind.PlannedDisconnect or StreamFaultKind.Silence;
        if (reconnects) await run.WaitFor(() => _server.BinanceStreams.ConnectionsAccepted > accepted, "a new connection", TimeSpan.FromSeconds(10));
        var resyncing = kind is StreamFaultKind.Gap or StreamFaultKind.Reorder || reconnects;
        if (resyncing) await run.WaitFor(() => run.Sink.Of<OrderBook>().Any(b => b.Resyncs >= 1), "a resynced book", TimeSpan.FromSeconds(10));

        var countNow = run.Sink.Of<OrderBook>().Count;
        await run.WaitFor(() => run.Sink.Of<OrderBook>().Count >= countNow + 5, "books after the fault");
        var connection = Assert.Single(_server.BinanceStreams.Connections);
        Assert.Contains("btcusdt@depth@100ms", connection.Subscriptions);
        if (!resyncing) Assert.All(run.Sink.Of<OrderBook>(), b => Assert.Equal(0, b.Resyncs));

        // Every book written, before and after the fault, is the exchange's book at that update id.
        var compared = 0;
        foreach (var book in run.Sink.Of<OrderBook>().TakeLast(20))
        {
            var truth = _server.BinanceStreams.BookAt("BTCUSDT", book.UpdateId, 50);
            if (truth is null) continue;
            Assert.Equal(truth.Bids.Select(l => (l.Price, l.Quantity)), book.Bids.Select(l => (l.Price, l.Quantity)));
            Assert.Equal(truth.Asks.Select(l => (l.Price, l.Quantity)), book.Asks.Select(l => (l.Price, l.Quantity)));
            compared++;
        }

        Assert.True(compared >= 5, $"only {compared} books could be compared");
    }

    [Fact]
    public async Task A_connection_reaching_its_lifetime_is_replaced_as_planned_without_a_warning_and_the_book_resyncs()
    {
        var host = new RecordingHost();
        using var log = Diagnostics.FxLog.Use(host);
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Book, Symbols = new[] { "BTCUSDT" }, BookDepth = 10 },
            Fast with { Lifetime = TimeSpan.FromSeconds(1.5) });
        await run.WaitFor(() => _server.BinanceStreams.ConnectionsAccepted >= 2, "a planned reconnect", TimeSpan.FromSeconds(6));
        await run.WaitFor(() => run.Sink.Of<OrderBook>().Any(b => b.Resyncs >= 1), "a resynced book");
        Assert.Empty(host.Warnings);
        Assert.Contains(host.Verbose, v => v.Contains("reconnecting as planned", StringComparison.Ordinal));
        Assert.Contains(host.Verbose, v => v.Contains("reconnected (planned)", StringComparison.Ordinal));
        var last = run.Sink.Of<OrderBook>()[^1];
        var truth = _server.BinanceStreams.BookAt("BTCUSDT", last.UpdateId, 10);
        Assert.NotNull(truth);
        Assert.Equal(truth!.Bids, last.Bids.Select(l => (l.Price, l.Quantity)));
    }

    [Theory]
    [InlineData(250, false)]
    [InlineData(0, true)]
    public async Task Control_messages_are_paced_under_the_exchanges_rate_and_unpaced_ones_get_the_connection_closed(int spacingMs, bool closed)
    {
        var protocol = new ChattyProtocol(messages: 12);
        var options = Fast with { MessageSpacing = TimeSpan.FromMilliseconds(spacingMs), MaxFailures = 100, KeepAliveInterval = TimeSpan.FromMinutes(1) };
        using var stop = new CancellationTokenSource();
        await using var session = new StreamSession(ExchangeId.Binance, new Uri(_server.WebSocketUri, "ws"), protocol, options);
        var run = session.RunAsync(stop.Token);
        // Wait for the outcome rather than a fixed time, so a loaded machine cannot cut the paced burst short.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && (closed ? session.Connections < 2 : protocol.Replies < 12)) await Task.Delay(50);
        if (!closed) await Task.Delay(500); // a reconnect the pacing should have prevented would show by now
        stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(3));
        if (closed)
        {
            Assert.True(session.Connections >= 2, "the exchange should have closed a connection sending 12 messages at once");
        }
        else
        {
            Assert.Equal(1, session.Connections);
            Assert.Equal(12, protocol.Replies);
        }
    }

    /// <summary>Sends a burst of LIST_SUBSCRIPTIONS on every connect and counts the replies.</summary>
    private sealed class ChattyProtocol(int messages) : IStreamProtocol
    {
        private int _replies;

        public int Replies => Volatile.Read(ref _replies);

        public StreamOutlet Outlet { get; } = new(new RecordingSink());

        public void OnConnected(IStreamLink link, ConnectKind kind)
        {
            for (int k = 1; k <= messages; k++) link.Send($"{{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":{k}}}");
        }

        public void OnFrame(ReadOnlyMemory<byte> frame)
        {
            if (System.Text.Encoding.UTF8.GetString(frame.Span).Contains("\"result\"", StringComparison.Ordinal)) Interlocked.Increment(ref _replies);
        }

        public string? KeepAliveMessage() => null;
    }

    [Fact]
    public async Task The_exchanges_pings_are_answered_so_a_server_that_wants_pongs_keeps_the_connection()
    {
        // This server pings every 200 ms and closes a connection that has not answered within a second.
        await using var strict = await TestExchangeServer.StartAsync(new TestExchangeOptions
        {
            StreamPingInterval = TimeSpan.FromMilliseconds(200), StreamPongTimeout = TimeSpan.FromSeconds(1),
        });
        var market = ExchangeClients.Binance(strict);
        await using var run = new StreamRun(ExchangeClients.BinanceStreams(market, Fast),
            new StreamRequest { Channel = StreamChannel.Ticker, Symbols = new[] { "BTCUSDT" }, TickerType = TickerType.Full });
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Equal(1, strict.BinanceStreams.ConnectionsAccepted);
        Assert.Equal(1, strict.BinanceStreams.ConnectionsOpen);
        Assert.True(run.Sink.Of<Ticker>().Count >= 2);
    }

    [Fact]
    public async Task A_planned_reconnect_that_cannot_connect_backs_off_and_opens_the_circuit_instead_of_hammering()
    {
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTCUSDT" } },
            Fast with { Lifetime = TimeSpan.FromSeconds(1), MaxFailures = 3 });
        await run.WaitFor(() => run.Sink.Of<Trade>().Count > 0, "the first trades");
        _server.BinanceStreams.Inject(new StreamFault { Kind = StreamFaultKind.RefuseConnections, Times = 1000 });
        var error = await Assert.ThrowsAsync<FxException>(() => run.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("Fluxum.StreamCircuitOpen", error.ErrorId);
        Assert.InRange(_server.BinanceStreams.ConnectionsRefused, 3, 3);
    }

    [Fact]
    public async Task Repeated_refusals_open_the_circuit_with_an_error_that_says_so()
    {
        _server.BinanceStreams.Inject(new StreamFault { Kind = StreamFaultKind.RefuseConnections, Times = 100 });
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTCUSDT" } });
        var error = await Assert.ThrowsAsync<FxException>(() => run.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("Fluxum.StreamCircuitOpen", error.ErrorId);
        Assert.Contains("4 failed connections in a row", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not connect (HTTP 503)", error.Message, StringComparison.Ordinal); // the handshake's own status
        Assert.InRange(_server.BinanceStreams.ConnectionsRefused, 4, 4);
    }

    [Fact]
    public async Task An_unknown_symbol_fails_before_connecting()
    {
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "NOPEUSDT" } });
        var error = await Assert.ThrowsAsync<FxException>(() => run.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(FxErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal(0, _server.BinanceStreams.ConnectionsAccepted);
    }

    private StreamRun Start(StreamRequest request, StreamOptions? options = null)
    {
        var streams = ExchangeClients.BinanceStreams(ExchangeClients.Binance(_server, TimeSpan.FromSeconds(2)), options ?? Fast);
        return new StreamRun(streams, request);
    }
}

/// <summary>A stream running in the background for a test, stopped (and awaited) at the end.</summary>
internal sealed class StreamRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public StreamRun(IMarketStreams streams, StreamRequest request)
    {
        Task = Task.Run(() => streams.RunAsync(request, Sink, _stop.Token));
    }

    public RecordingSink Sink { get; } = new();
    public Task Task { get; }

    public async Task WaitFor(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (Task.IsFaulted) await Task;
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await System.Threading.Tasks.Task.Delay(20);
        }
    }

    public async Task StopAsync()
    {
        _stop.Cancel();
        await Task.WaitAsync(TimeSpan.FromSeconds(3));
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await Task.WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (Exception)
        {
            // The test already looked at how it ended.
        }
    }
}
