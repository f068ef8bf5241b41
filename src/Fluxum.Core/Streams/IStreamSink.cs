namespace Fluxum.Streams;

/// <summary>
/// Where a stream puts what it receives. Implementations never block the caller (the socket's receive loop):
/// a full buffer drops and counts instead of growing or stalling the connection.
/// </summary>
public interface IStreamSink
{
    /// <summary>Queues an item (trade, candle, ticker, order update); false when the buffer was full and it was dropped.</summary>
    bool Publish(object item);

    /// <summary>Replaces whatever is still waiting under <paramref name="key"/>: only the latest book of a symbol is worth reading.</summary>
    void PublishLatest(string key, object item);
}
