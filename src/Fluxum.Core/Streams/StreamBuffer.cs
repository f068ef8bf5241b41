using System.Collections.Concurrent;
using Fluxum.Models;

namespace Fluxum.Streams;

/// <summary>
/// The <see cref="IStreamSink"/> that stands between a command's streams (any thread) and its one reader: items
/// wait in order, books wait one per (exchange, symbol), gaps wait to be said. When <see cref="Capacity"/> items
/// wait, writers are told to wait too (<see cref="WaitForRoomAsync"/>) until the reader has taken them down to
/// half: memory stays bounded and nothing is dropped, because the sessions stop reading their sockets meanwhile.
/// </summary>
public sealed class StreamBuffer : IStreamSink
{
    private readonly ConcurrentQueue<object> _items = new();
    private readonly ConcurrentQueue<StreamGap> _gaps = new();
    private readonly Queue<(ExchangeId, string)> _latestKeys = new();
    private readonly Dictionary<(ExchangeId, string), object> _latest = new();
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly object _roomGate = new();
    private readonly int _resumeAt;
    private TaskCompletionSource? _room;
    private int _queued;
    private int _mostQueued;
    private long _pauses;
    private long _gapCount;
    private volatile bool _completed;
    private Exception? _failure;

    public StreamBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        _resumeAt = capacity / 2;
    }

    /// <summary>Items that may wait before writers are asked to wait.</summary>
    public int Capacity { get; }

    /// <summary>Items waiting now (books not counted).</summary>
    public int Count => Volatile.Read(ref _queued);

    /// <summary>The most items that ever waited at once: at most the capacity plus one frame's items.</summary>
    public int MostQueued => Volatile.Read(ref _mostQueued);

    /// <summary>How often a writer found the buffer full and had to wait for the reader.</summary>
    public long Pauses => Interlocked.Read(ref _pauses);

    /// <summary>Gaps reported since the stream started: the only loss a stream has.</summary>
    public long GapCount => Interlocked.Read(ref _gapCount);

    public void Publish(object item)
    {
        var n = Interlocked.Increment(ref _queued);
        for (var most = Volatile.Read(ref _mostQueued); n > most; most = Volatile.Read(ref _mostQueued))
        {
            if (Interlocked.CompareExchange(ref _mostQueued, n, most) == most) break;
        }

        _items.Enqueue(item);
        Wake();
    }

    public void PublishLatest(ExchangeId exchange, string symbol, object item)
    {
        lock (_latest)
        {
            var key = (exchange, symbol);
            if (!_latest.ContainsKey(key)) _latestKeys.Enqueue(key);
            _latest[key] = item;
        }

        Wake();
    }

    public ValueTask WaitForRoomAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _queued) < Capacity || _completed) return ValueTask.CompletedTask;
        Task wait;
        lock (_roomGate)
        {
            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = _room.Task;
        }

        // The reader may have emptied the buffer between the first look and the wait being set up; it only
        // releases writers it can see, so look again now that the wait is visible.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _queued) <= _resumeAt || _completed) ReleaseWriters();
        if (!wait.IsCompleted) Interlocked.Increment(ref _pauses);
        return new ValueTask(wait.WaitAsync(ct));
    }

    public void ReportGap(StreamGap gap)
    {
        Interlocked.Increment(ref _gapCount);
        _gaps.Enqueue(gap);
        Wake();
    }

    /// <summary>The stream ended (a failure is for the reader to rethrow once it has read what came before).</summary>
    public void Complete(Exception? failure)
    {
        // The first failure is the one to report; a later "all done" must not erase it.
        if (failure is not null) Interlocked.CompareExchange(ref _failure, failure, null);
        _completed = true;
        ReleaseWriters();
        Wake();
    }

    public Exception? Failure => Volatile.Read(ref _failure);

    public bool IsCompleted => _completed;

    /// <summary>Completed, and nothing is left to read.</summary>
    public bool IsDrained => _completed && _items.IsEmpty && _gaps.IsEmpty && LatestCount == 0;

    private int LatestCount
    {
        get
        {
            lock (_latest) return _latest.Count;
        }
    }

    /// <summary>The next item, else the oldest waiting book, else null.</summary>
    public object? TryTake()
    {
        if (_items.TryDequeue(out var item))
        {
            var n = Interlocked.Decrement(ref _queued);
            if (n <= _resumeAt && Volatile.Read(ref _room) is not null) ReleaseWriters();
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

    public bool TryTakeGap(out StreamGap gap) => _gaps.TryDequeue(out gap!);

    /// <summary>Waits until something arrives, the timeout passes or the token is cancelled.</summary>
    public void Wait(TimeSpan timeout, CancellationToken ct) => _signal.Wait(timeout, ct);

    /// <summary>Wakes the reader, for things it reads besides this buffer (its messages).</summary>
    public void Wake()
    {
        // One pending release is enough to wake the reader; more would only spin it.
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    private void ReleaseWriters()
    {
        TaskCompletionSource? room;
        lock (_roomGate)
        {
            room = _room;
            _room = null;
        }

        room?.TrySetResult();
    }
}
