using Fluxum.Models;

namespace Fluxum.Streams;

/// <summary>
/// Where a stream puts what it receives. The contract, the same for every exchange (the engine's stream session
/// keeps it, so an exchange's protocol inherits it instead of doing it again):
/// <list type="bullet">
/// <item>Back-pressure, not loss. <see cref="Publish"/> never blocks and never drops; before it reads the next
/// frame from the socket the session awaits <see cref="WaitForRoomAsync"/>. A full sink therefore stops the
/// socket from being read (TCP holds the rest at the exchange) until the reader has caught up, so a sink holds
/// at most its capacity plus the items of the one frame being read when it filled.</item>
/// <item>Books coalesce. <see cref="PublishLatest"/> replaces whatever still waits for the same (exchange,
/// symbol) and never counts against the capacity: a book never holds the socket.</item>
/// <item>What is truly lost is said. Events an exchange sent while the connection was down (a network cut, or
/// the exchange dropping a reader that paused too long) cannot be had again: the session reports each such
/// hole as a <see cref="StreamGap"/>, with its time span as far as it is known.</item>
/// </list>
/// </summary>
public interface IStreamSink
{
    /// <summary>Queues an item (trade, candle, ticker, order update). Never blocks, never drops.</summary>
    void Publish(object item);

    /// <summary>Replaces whatever still waits for (<paramref name="exchange"/>, <paramref name="symbol"/>): only the latest book is worth reading.</summary>
    void PublishLatest(ExchangeId exchange, string symbol, object item);

    /// <summary>
    /// Completes at once while there is room; when the sink is full, completes once the reader has caught up
    /// (or throws on <paramref name="ct"/>). The session awaits it before each read from the socket.
    /// </summary>
    ValueTask WaitForRoomAsync(CancellationToken ct);

    /// <summary>Events were missed (the connection was lost): where and between which times.</summary>
    void ReportGap(StreamGap gap);
}
