using System.Collections.Concurrent;
using Fluxum.Diagnostics;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Commands.Bridge;

/// <summary>
/// Carries a live stream to the pipeline thread: items, books and gaps wait in a <see cref="StreamBuffer"/> (whose
/// back-pressure stops the sessions reading their sockets while the pipeline is behind, so nothing is dropped and
/// memory stays bounded), and messages wait beside them.
/// </summary>
internal sealed class StreamBridge : IStreamSink, IFxHost
{
    private const int MaxMessages = 1000;

    private readonly ConcurrentQueue<HostMessage> _messages = new();
    private int _messageCount;

    public StreamBridge(int capacity) => Buffer = new StreamBuffer(capacity);

    public StreamBuffer Buffer { get; }

    public void Publish(object item) => Buffer.Publish(item);
    public void PublishLatest(ExchangeId exchange, string symbol, object item) => Buffer.PublishLatest(exchange, symbol, item);
    public ValueTask WaitForRoomAsync(CancellationToken ct) => Buffer.WaitForRoomAsync(ct);
    public void ReportGap(StreamGap gap) => Buffer.ReportGap(gap);

    public void Error(FxException error, object? target) => Add(new HostMessage(HostMessageKind.Error, error, target), always: true);
    public void Verbose(string message) => Add(new HostMessage(HostMessageKind.Verbose, message));
    public void Warning(string message) => Add(new HostMessage(HostMessageKind.Warning, message), always: true);
    public void Debug(string message) => Add(new HostMessage(HostMessageKind.Debug, message));
    public void Progress(FxProgress progress) => Add(new HostMessage(HostMessageKind.Progress, progress));

    /// <summary>The stream ended (a failure is rethrown by the reader once everything before it was read).</summary>
    public void Complete(Exception? failure) => Buffer.Complete(failure);

    public bool IsDrained => Buffer.IsDrained && _messages.IsEmpty;

    public Exception? Failure => Buffer.Failure;

    public bool TryTakeMessage(out HostMessage message)
    {
        if (!_messages.TryDequeue(out message)) return false;
        Interlocked.Decrement(ref _messageCount);
        return true;
    }

    /// <summary>The next item or latest book, or null when nothing waits.</summary>
    public object? TryTake() => Buffer.TryTake();

    /// <summary>Waits until something arrives, the timeout passes or the token is cancelled.</summary>
    public void Wait(TimeSpan timeout, CancellationToken ct) => Buffer.Wait(timeout, ct);

    private void Add(HostMessage message, bool always = false)
    {
        // Verbose chatter is what gives way when the pipeline falls far behind; warnings and errors never do.
        if (Interlocked.Increment(ref _messageCount) > MaxMessages && !always)
        {
            Interlocked.Decrement(ref _messageCount);
            return;
        }

        _messages.Enqueue(message);
        Buffer.Wake();
    }
}
