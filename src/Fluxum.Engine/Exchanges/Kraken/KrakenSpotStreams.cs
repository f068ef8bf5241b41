using Fluxum.Engine.Streams;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>Kraken spot market streams (WebSocket v2 at &lt;base&gt;/v2): every symbol of a command on one connection.</summary>
internal sealed class KrakenSpotStreams(KrakenSpotMarketData market, Uri streamBase, StreamOptions options) : IMarketStreams
{
    public async Task RunAsync(StreamRequest request, IStreamSink sink, CancellationToken ct)
    {
        if (request.Channel == StreamChannel.Trade && request.Aggregate) throw FxException.NotSupported(ExchangeId.Kraken, "aggregate trades (-Aggregate)");
        if (request.Channel == StreamChannel.Candle) market.CheckInterval(request.Interval!.Value);
        var symbols = (await market.ResolveAllAsync(request.Symbols, ct).ConfigureAwait(false)).DistinctBy(s => s.NativeSymbol).ToList();

        using var protocol = new KrakenMarketStreamProtocol(request, symbols, sink);
        await using var session = new StreamSession(ExchangeId.Kraken, new Uri(streamBase, "v2"), protocol, options);
        await session.RunAsync(ct).ConfigureAwait(false);
    }
}
