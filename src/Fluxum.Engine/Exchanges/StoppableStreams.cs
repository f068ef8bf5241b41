using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Trading;

namespace Fluxum.Engine.Exchanges;

/// <summary>A module's market streams that also end when the engine stops (Remove-Module), closing their sockets.</summary>
internal sealed class StoppableStreams(IMarketStreams inner, Func<CancellationToken> stopping) : IMarketStreams
{
    public async Task RunAsync(StreamRequest request, IStreamSink sink, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping());
        await inner.RunAsync(request, sink, linked.Token).ConfigureAwait(false);
    }
}

/// <summary>The account's streams, ending when the engine stops as well.</summary>
internal sealed class StoppableAccountStreams(IAccountStreams inner, Func<CancellationToken> stopping) : IAccountStreams
{
    public ExchangeId Exchange => inner.Exchange;

    public async Task WatchAsync(IStreamSink sink, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping());
        await inner.WatchAsync(sink, linked.Token).ConfigureAwait(false);
    }
}
