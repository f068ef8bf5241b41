using System.Collections.Concurrent;
using Fluxum.Diagnostics;
using Fluxum.Errors;
using Fluxum.Streams;

namespace Fluxum.Commands.Bridge;

/// <summary>
/// Carries a live stream to the pipeline thread without ever blocking the socket: items wait in a bounded queue
/// (past it they are dropped and counted, so a slow pipeline costs data, never memory), books wait one per
/// symbol (a newer book replaces the one not yet written), and messages wait beside them.
/// </summary>
internal sealed class StreamBridge : IStreamSink, IFxHost
{
    private const int MaxMessages = 1000;

    private readonly ConcurrentQueue<object> _items = new();
    private readonly ConcurrentQueue<HostMessage> _messages = new();
    private readonly Queue<string> _latestKeys = new();
    private readonly Dictionary<string, object> _latest = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly int _capacity;
    private int _queued;
    private int _messageCount;
    private long _dropped;
    private volatile bool _completed;
    private Exception? _failure;

    public StreamBridge(int capacity) => _capacity = capacity;

    /// <summary>Items dropped because the queue was full, since the last call.</summary>
    public long TakeDropped() => Interlocked.Exchange(ref _dropped, 0);

    public bool Publish(object item)
    {
        if (Interlocked.Increment(ref _queued) > _capacity)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return false;
        }

        _items.Enqueue(item);
        Wake();
        return true;
    }

    public void PublishLatest(string key, object item)
    {
        lock (_latest)
        {
            if (!_latest.ContainsKey(key)) _latestKeys.Enqueue(key);
            _latest[key] = item;
        }

        Wake();
    }

    public void Emit(object item) => Publish(item);
    public void Error(FxException error, object? target) => Add(new HostMessage(HostMessageKind.Error, error, target), always: true);
    public void Verbose(string message) => Add(new HostMessage(HostMessageKind.Verbose, message));
    public void Warning(string message) => Add(new HostMessage(HostMessageKind.Warning, message), always: true);
    public void Debug(string message) => Add(new HostMessage(HostMessageKind.Debug, message));
    public void Progress(FxProgress progress) => Add(new HostMessage(HostMessageKind.Progress, progress));

    /// <summary>The stream ended (a failure is rethrown by the reader once everything before it was read).</summary>
    public void Complete(Exception? failure)
    {
        // The first failure is the one to report; a later "all done" must not erase it.
        if (failure is not null) Interlocked.CompareExchange(ref _failure, failure, null);
        _completed = true;
        Wake();
    }

    public bool IsDrained => _completed && _items.IsEmpty && _messages.IsEmpty && LatestCount == 0;

    public Exception? Failure => _failure;

    private int LatestCount
    {
        get
        {
            lock (_latest) return _latest.Count;
        }
    }

    public bool TryTakeMessage(out HostMessage message)
    {
        if (!_messages.TryDequeue(out message)) return false;
        Interlocked.Decrement(ref _messageCount);
        return true;
    }

    /// <summary>The next item or latest book, or null when nothing waits.</summary>
    public object? TryTake()
    {
        if (_items.TryDequeue(out var item))
        {
            Interlocked.Decrement(ref _queued);
            return item;
        }

        lock (_latest)
        {
            while (_latestKeys.TryDequeue(out var key))
            {
                if (_latest.Remove(key, out var latest)) return latest;
            }
        }

        return null;
    }

    /// <summary>Waits until something arrives, the timeout passes or the token is cancelled.</summary>
    public void Wait(TimeSpan timeout, CancellationToken ct) => _signal.Wait(timeout, ct);

    private void Add(HostMessage message, bool always = false)
    {
        // Verbose chatter is what gives way when the pipeline falls far behind; warnings and errors never do.
        if (Interlocked.Increment(ref _messageCount) > MaxMessages && !always)
        {
            Interlocked.Decrement(ref _messageCount);
            return;
        }

        _messages.Enqueue(message);
        Wake();
    }

    private void Wake()
    {
        // One pending release is enough to wake the reader; more would only spin it.
        if (_signal.CurrentCount == 0) _signal.Release();
    }
}
