using System.Net.WebSockets;
using Fluxum.Books;
using Fluxum.Models;
using Fluxum.TestExchange.Binance.Streams;

namespace Fluxum.Tests.Conformance;

public sealed class BinanceStreamConformance : StreamConformance
{
    protected override ExchangeId Exchange => ExchangeId.Binance;
    protected override string Symbol => "BTC/USDT";
    protected override int OpenConnections => Server.BinanceStreams.ConnectionsOpen;
    protected override IReadOnlyList<WebSocketCloseStatus?> ClosedConnections => Server.BinanceStreams.ClosedConnections.Select(c => c.ClientCloseStatus).ToList();

    protected override void BreakBook(BookKind kind)
    {
        Assert.Equal(BookKind.Sequenced, kind);
        Server.BinanceStreams.Inject(new StreamFault { Kind = StreamFaultKind.Gap, Stream = "btcusdt@depth" });
    }

    /// <summary>The venue keeps its book at every update id: each emitted book is compared where the venue still has it.</summary>
    protected override Task<IReadOnlyList<(OrderBook, IReadOnlyList<(decimal, decimal)>, IReadOnlyList<(decimal, decimal)>)>> WithTruthAsync(
        Func<IReadOnlyList<OrderBook>> emitted)
    {
        var pairs = new List<(OrderBook, IReadOnlyList<(decimal, decimal)>, IReadOnlyList<(decimal, decimal)>)>();
        foreach (var book in emitted().TakeLast(20))
        {
            if (Server.BinanceStreams.BookAt(book.NativeSymbol, book.UpdateId, Depth) is { } truth)
                pairs.Add((book, truth.Bids.ToList(), truth.Asks.ToList()));
        }

        return Task.FromResult<IReadOnlyList<(OrderBook, IReadOnlyList<(decimal, decimal)>, IReadOnlyList<(decimal, decimal)>)>>(pairs);
    }
}
