using Fluxum.Tests.Support;
using Fluxum.Engine;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Streams;
using Fluxum.Engine.Transport;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Kraken.Streams;

namespace Fluxum.Tests.Streams;

/// <summary>
/// The same stream session with Kraken's WebSocket v2 protocol against the test exchange: objects arrive for
/// many symbols on one connection, and after each fault the book is valid again and equal to the exchange's.
/// </summary>
public sealed class KrakenStreamSessionTests : IAsyncLifetime
{
    private static StreamOptions Fast => TestStreamOptions.Fast;

    private TestExchangeServer _server = null!;

    public async Task InitializeAsync() => _server = await TestExchangeServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Trades_and_tickers_of_several_symbols_arrive_over_one_connection()
    {
        await using (var trades = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTC/USD", "ETHUSD" } }))
        {
            await trades.WaitFor(() => trades.Sink.Of<Trade>().Select(t => t.Symbol).Distinct().Count() == 2, "trades of both symbols");
            Assert.Equal(1, _server.KrakenStreams.OpenConnections);
            Assert.All(trades.Sink.Of<Trade>(), t => Assert.Equal(ExchangeId.Kraken, t.Exchange));
        }

        await using var tickers = Start(new StreamRequest { Channel = StreamChannel.Ticker, Symbols = new[] { "BTC/USD" }, TickerType = TickerType.Book });
        await tickers.WaitFor(() => tickers.Sink.Of<BookTicker>().Count > 0, "a book ticker");
        var t = tickers.Sink.Of<BookTicker>()[0];
        Assert.True(t.BidPrice < t.AskPrice);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(KrakenStreamFault.BadChecksum)]
    [InlineData(KrakenStreamFault.SkipUpdate)]
    [InlineData(KrakenStreamFault.Malformed)]
    [InlineData(KrakenStreamFault.Drop)]
    [InlineData(KrakenStreamFault.Silence)]
    public async Task After_each_fault_the_book_is_the_exchanges_own(KrakenStreamFault? fault)
    {
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Book, Symbols = new[] { "BTC/USD" }, BookDepth = 10 });
        await run.WaitFor(() => run.Sink.Of<OrderBook>().Count >= 3, "the first books");
        if (fault is { } f)
        {
            var accepted = _server.KrakenStreams.AcceptedConnections;
            _server.KrakenStreams.Inject(f, TimeSpan.FromSeconds(4));
            if (f is KrakenStreamFault.Drop or KrakenStreamFault.Silence)
            {
                await run.WaitFor(() => _server.KrakenStreams.AcceptedConnections > accepted, "a new connection", TimeSpan.FromSeconds(10));
            }

            if (f is not KrakenStreamFault.Malformed)
            {
                await run.WaitFor(() => run.Sink.Of<OrderBook>().Any(b => b.Resyncs >= 1), "a resynced book", TimeSpan.FromSeconds(10));
            }
        }

        var count = run.Sink.Of<OrderBook>().Count;
        await run.WaitFor(() => run.Sink.Of<OrderBook>().Count >= count + 3, "books after the fault");
        _server.KrakenStreams.BookChangesPaused = true;
        await Task.Delay(400);
        var truth = _server.KrakenStreams.Book("BTC/USD", 10);
        var mine = run.Sink.Of<OrderBook>().Last();
        Assert.Equal(truth.Bids, mine.Bids.Select(l => (l.Price, l.Quantity)));
        Assert.Equal(truth.Asks, mine.Asks.Select(l => (l.Price, l.Quantity)));
        Assert.Contains(_server.KrakenStreams.Subscriptions, s => s.Channel == "book" && s.Symbol == "BTC/USD");
        if (fault is null or KrakenStreamFault.Malformed) Assert.All(run.Sink.Of<OrderBook>(), b => Assert.Equal(0, b.Resyncs));
    }

    private StreamRun Start(StreamRequest request)
    {
        return new StreamRun(ExchangeClients.KrakenStreams(ExchangeClients.Kraken(_server, TimeSpan.FromSeconds(2)), Fast), request);
    }
}
