using System.Net.WebSockets;
using Fluxum.Books;
using Fluxum.Engine;
using Fluxum.Engine.Exchanges;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.TestExchange;
using Fluxum.Tests.Streams;

namespace Fluxum.Tests.Conformance;

/// <summary>
/// What every exchange module's market streams must do: trades, candles and tickers arrive for the symbol asked
/// for; a book broken the way its kind can break (a lost diff, a bad checksum) resyncs and what it emits after is
/// the exchange's own book; a stop, by cancellation or by the engine stopping (Remove-Module), closes the socket
/// with a normal close. Each test gets its own test exchange: book faults and pauses must not leak.
/// </summary>
public abstract class StreamConformance : IAsyncLifetime
{
    protected const int Depth = 10;

    protected TestExchangeServer Server { get; private set; } = null!;

    protected FluxumEngine Engine { get; private set; } = null!;

    protected abstract ExchangeId Exchange { get; }

    /// <summary>A listed symbol in the unified form.</summary>
    protected abstract string Symbol { get; }

    /// <summary>Connections the venue holds open now.</summary>
    protected abstract int OpenConnections { get; }

    /// <summary>The close status each ended connection's client sent (null: none, an aborted socket).</summary>
    protected abstract IReadOnlyList<WebSocketCloseStatus?> ClosedConnections { get; }

    /// <summary>Breaks the symbol's streamed book the way a book of <paramref name="kind"/> can break.</summary>
    protected abstract void BreakBook(BookKind kind);

    /// <summary>
    /// Pairs books the client emitted with the exchange's own book at the same point (per update id, or after
    /// pausing the venue's book so both sides settle), for the latest books of <paramref name="emitted"/>.
    /// </summary>
    protected abstract Task<IReadOnlyList<(OrderBook Mine, IReadOnlyList<(decimal, decimal)> Bids, IReadOnlyList<(decimal, decimal)> Asks)>> WithTruthAsync(
        Func<IReadOnlyList<OrderBook>> emitted);

    public async Task InitializeAsync()
    {
        Server = await TestExchangeServer.StartAsync();
        Engine = ConformanceClient.Engine(Server);
    }

    public async Task DisposeAsync()
    {
        Engine.Stop();
        await Server.DisposeAsync();
    }

    private StreamRun Start(StreamRequest request) => new(Engine.GetStreams(Exchange), request);

    [Fact]
    public async Task Trades_arrive_for_the_symbol_subscribed()
    {
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { Symbol } });
        await run.WaitFor(() => run.Sink.Of<Trade>().Count >= 3, "trades");
        Assert.All(run.Sink.Of<Trade>(), t => Assert.Equal((Exchange, Symbol), (t.Exchange, t.Symbol)));
        Assert.All(run.Sink.Of<Trade>(), t => Assert.True(t.Price > 0 && t.Quantity > 0));
    }

    [Fact]
    public async Task Candles_arrive_at_the_interval_asked_for()
    {
        var interval = CandleInterval.Parse("1m");
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Candle, Symbols = new[] { Symbol }, Interval = interval });
        await run.WaitFor(() => run.Sink.Of<Candle>().Count >= 2, "candles", TimeSpan.FromSeconds(15));
        Assert.All(run.Sink.Of<Candle>(), c =>
        {
            Assert.Equal((Exchange, Symbol, interval.Code), (c.Exchange, c.Symbol, c.Interval));
            Assert.True(c.Low <= c.High);
        });
    }

    [Fact]
    public async Task Tickers_arrive_for_the_symbol_subscribed()
    {
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Ticker, Symbols = new[] { Symbol }, TickerType = TickerType.Book });
        await run.WaitFor(() => run.Sink.Of<BookTicker>().Count >= 2, "book tickers");
        Assert.All(run.Sink.Of<BookTicker>(), t =>
        {
            Assert.Equal(Symbol, t.Symbol);
            Assert.True(t.BidPrice < t.AskPrice);
        });
    }

    [Fact]
    public async Task A_broken_book_resyncs_and_what_it_emits_after_is_the_exchanges_own_book()
    {
        var kind = ExchangeModules.Of(Exchange).BookKind;
        Assert.NotNull(kind);
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Book, Symbols = new[] { Symbol }, BookDepth = Depth });
        await run.WaitFor(() => run.Sink.Of<OrderBook>().Count >= 3, "the first books");
        Assert.All(run.Sink.Of<OrderBook>(), b => Assert.Equal(0, b.Resyncs));

        BreakBook(kind!.Value);
        await run.WaitFor(() => run.Sink.Of<OrderBook>().Any(b => b.Resyncs >= 1), "a resynced book", TimeSpan.FromSeconds(10));
        var resynced = run.Sink.Of<OrderBook>().FindIndex(b => b.Resyncs >= 1);
        await run.WaitFor(() => run.Sink.Of<OrderBook>().Count >= resynced + 4, "books after the resync");

        var after = run.Sink.Of<OrderBook>().Skip(resynced).ToList();
        Assert.All(after, b => Assert.True(b.BestBid < b.BestAsk, $"crossed book emitted at {b.UpdateId}"));
        var pairs = await WithTruthAsync(() => run.Sink.Of<OrderBook>().Skip(resynced).ToList());
        Assert.NotEmpty(pairs);
        foreach (var (mine, bids, asks) in pairs)
        {
            Assert.Equal(bids, mine.Bids.Select(l => (l.Price, l.Quantity)));
            Assert.Equal(asks, mine.Asks.Select(l => (l.Price, l.Quantity)));
        }
    }

    [Fact]
    public async Task Cancelling_the_stream_closes_its_socket_with_a_normal_close()
    {
        var run = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { Symbol } });
        await run.WaitFor(() => run.Sink.Of<Trade>().Count > 0, "the first trade");
        Assert.Equal(1, OpenConnections);

        await run.StopAsync();
        await ConformanceClient.WaitFor(() => OpenConnections == 0, "the socket to close", TimeSpan.FromSeconds(3));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, Assert.Single(ClosedConnections));
    }

    [Fact]
    public async Task Stopping_the_engine_closes_every_stream_socket_with_a_normal_close()
    {
        var trades = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { Symbol } });
        var books = Start(new StreamRequest { Channel = StreamChannel.Book, Symbols = new[] { Symbol }, BookDepth = Depth });
        await trades.WaitFor(() => trades.Sink.Of<Trade>().Count > 0, "the first trade");
        await books.WaitFor(() => books.Sink.Of<OrderBook>().Count > 0, "the first book");
        Assert.Equal(2, OpenConnections);

        Engine.Stop(); // what Remove-Module calls
        await trades.Task.WaitAsync(TimeSpan.FromSeconds(3));
        await books.Task.WaitAsync(TimeSpan.FromSeconds(3));
        await ConformanceClient.WaitFor(() => OpenConnections == 0, "the sockets to close", TimeSpan.FromSeconds(3));
        Assert.Equal(new WebSocketCloseStatus?[] { WebSocketCloseStatus.NormalClosure, WebSocketCloseStatus.NormalClosure }, ClosedConnections);
    }
}
