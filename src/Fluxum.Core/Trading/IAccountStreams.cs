using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Trading;

/// <summary>The account's own live events: order updates, fills and balance changes (Watch-FxOrder).</summary>
public interface IAccountStreams
{
    ExchangeId Exchange { get; }

    /// <summary>
    /// Streams the account's order updates, fills and balance changes into <paramref name="sink"/> until
    /// <paramref name="ct"/> is cancelled, keeping the exchange's subscription alive on its own.
    /// </summary>
    Task WatchAsync(IStreamSink sink, CancellationToken ct);
}
