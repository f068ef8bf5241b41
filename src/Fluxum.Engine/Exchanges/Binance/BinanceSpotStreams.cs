using Fluxum.Books;
using Fluxum.Engine.Streams;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>
/// Binance spot market streams: symbols resolved against the exchange's list, up to 1024 streams per combined
/// connection, books kept by the snapshot + diff algorithm with snapshots from the REST client (1000 levels).
/// </summary>
internal sealed class BinanceSpotStreams(BinanceSpotMarketData market, Uri streamBase, StreamOptions options) : IMarketStreams
{
    private const int SnapshotLevels = 1000;

    public async Task RunAsync(StreamRequest request, IStreamSink sink, CancellationToken ct)
    {
        if (request.Channel == StreamChannel.Candle) market.CheckInterval(request.Interval!.Value);
        var symbols = (await market.ResolveAllAsync(request.Symbols, ct).ConfigureAwait(false)).DistinctBy(s => s.NativeSymbol).ToList();

        var connections = new List<Func<CancellationToken, Task>>();
        foreach (var group in BinanceStreamNames.Connections(symbols))
        {
            var streams = group.Select(s => BinanceStreamNames.For(request, s)).ToList();
            connections.Add(async token =>
            {
                using var protocol = new BinanceMarketStreamProtocol(request, group, streams, sink,
                    (s, c) => market.GetDepthAsync(s.NativeSymbol, SnapshotLevels, c), SequenceRule.FirstLast, token);
                await using var session = new StreamSession(ExchangeId.Binance, new Uri(streamBase, "stream"), protocol, options);
                await session.RunAsync(token).ConfigureAwait(false);
            });
        }

        await StreamGroup.RunAsync(connections, ct).ConfigureAwait(false);
    }
}
