using System.Net.WebSockets;
using Fluxum.Books;
using Fluxum.Models;
using Fluxum.TestExchange.Kraken.Streams;

namespace Fluxum.Tests.Conformance;

public sealed class KrakenStreamConformance : StreamConformance
{
    protected override ExchangeId Exchange => ExchangeId.Kraken;
    protected override string Symbol => "BTC/USD";
    protected override int OpenConnections => Server.KrakenStreams.OpenConnections;
    protected override IReadOnlyList<WebSocketCloseStatus?> ClosedConnections => Server.KrakenStreams.ClosedConnections.Select(c => c.ClientCloseStatus).ToList();

    protected override void BreakBook(BookKind kind)
    {
        Assert.Equal(BookKind.Checksummed, kind);
        Server.KrakenStreams.Inject(KrakenStreamFault.BadChecksum);
    }

    /// <summary>The venue keeps only its current book: it is paused so the last emitted book can catch up, then compared.</summary>
    protected override async Task<IReadOnlyList<(OrderBook, IReadOnlyList<(decimal, decimal)>, IReadOnlyList<(decimal, decimal)>)>> WithTruthAsync(
        Func<IReadOnlyList<OrderBook>> emitted)
    {
        Server.KrakenStreams.BookChangesPaused = true;
        await Task.Delay(400);
        var truth = Server.KrakenStreams.Book(Symbol, Depth);
        return new[] { (emitted()[^1], (IReadOnlyList<(decimal, decimal)>)truth.Bids.ToList(), (IReadOnlyList<(decimal, decimal)>)truth.Asks.ToList()) };
    }
}
