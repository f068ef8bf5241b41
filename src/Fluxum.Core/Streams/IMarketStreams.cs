namespace Fluxum.Streams;

/// <summary>An exchange's live market streams; one implementation per exchange in Fluxum.Engine.</summary>
public interface IMarketStreams
{
    /// <summary>
    /// Streams <paramref name="request"/> into <paramref name="sink"/> until <paramref name="ct"/> is cancelled,
    /// reconnecting and resubscribing on its own; ends with an FxException only when it gives up (circuit open,
    /// bad symbol, endpoint refused).
    /// </summary>
    Task RunAsync(StreamRequest request, IStreamSink sink, CancellationToken ct);
}
