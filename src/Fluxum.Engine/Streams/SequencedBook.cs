using Fluxum.Books;
using Fluxum.Diagnostics;
using Fluxum.Models;

namespace Fluxum.Engine.Streams;

/// <summary>
/// One symbol's book kept by the exchange's snapshot + diff algorithm: diffs are buffered while a REST snapshot
/// loads, those older than it are dropped, the first applied one must straddle it and each next one must follow
/// on. A gap, a crossed book or a new connection throws the book away and starts over; the book is published
/// only while it is right. A diff that made the book cross is never applied again: the next snapshot must already
/// hold it (be at least as new), else it could only be continued through that diff and would cross again.
/// </summary>
internal sealed class SequencedBook
{
    /// <summary>Diffs kept while a snapshot loads; past this the snapshot is hopelessly late and loading starts over.</summary>
    private const int MaxBuffered = 20_000;

    private readonly LocalOrderBook _book;
    private readonly Func<CancellationToken, Task<OrderBook>> _loadSnapshot;
    private readonly Action<LocalOrderBook> _changed;
    private readonly object _gate;
    private readonly IFxHost? _host;
    private readonly CancellationToken _ct;
    private readonly List<DepthDiff> _buffer = new();
    private bool _loading;
    private int _loadAttempts;

    /// <summary>The last update id of the diff that crossed the book, until a snapshot at least that new is loaded.</summary>
    private long? _crossedThrough;

    public SequencedBook(LocalOrderBook book, Func<CancellationToken, Task<OrderBook>> loadSnapshot, Action<LocalOrderBook> changed,
        object gate, CancellationToken ct)
    {
        _book = book;
        _loadSnapshot = loadSnapshot;
        _changed = changed;
        _gate = gate;
        _ct = ct;
        _host = FxLog.Current;
    }

    public LocalOrderBook Book => _book;

    /// <summary>Called under the gate for every diff of this symbol, in arrival order.</summary>
    public void OnDiff(DepthDiff diff)
    {
        if (_loading || !_book.IsValid)
        {
            Buffer(diff);
            return;
        }

        switch (_book.ApplyDiff(diff))
        {
            case DiffResult.Applied:
                _changed(_book);
                break;
            case DiffResult.Stale:
                // A repeated or late diff: the book already holds it.
                break;
            case DiffResult.Gap:
                Verbose($"gap: update {diff.FirstUpdateId}..{diff.LastUpdateId} does not follow {_book.LastUpdateId}; resyncing.");
                Buffer(diff);
                break;
            case DiffResult.Crossed:
                Verbose($"the book crossed at update {diff.LastUpdateId}; resyncing from a snapshot that holds it.");
                _crossedThrough = diff.LastUpdateId;
                if (!_loading) StartLoading(TimeSpan.Zero);
                break;
        }
    }

    /// <summary>Called under the gate when the connection was replaced: what was missed in between is unknown.</summary>
    public void Invalidate(string reason)
    {
        _buffer.Clear();
        _crossedThrough = null;
        _book.Invalidate();
        if (_book.LastUpdateId != 0) Verbose($"{reason}; resyncing from the next diff.");
    }

    private void Buffer(DepthDiff diff)
    {
        if (_buffer.Count >= MaxBuffered) _buffer.RemoveRange(0, _buffer.Count / 2);
        _buffer.Add(diff);
        if (!_loading) StartLoading(TimeSpan.Zero);
    }

    private void StartLoading(TimeSpan delay)
    {
        _loading = true;
        _ = Task.Run(async () =>
        {
            OrderBook? snapshot = null;
            try
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, _ct).ConfigureAwait(false);
                snapshot = await _loadSnapshot(_ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _host?.Warning($"{_book.Exchange} {_book.Symbol} book: the snapshot failed ({e.Message}); trying again.");
            }

            lock (_gate)
            {
                if (_ct.IsCancellationRequested) return;
                if (snapshot is null)
                {
                    StartLoading(Backoff());
                    return;
                }

                Load(snapshot);
            }
        }, CancellationToken.None);
    }

    /// <summary>Under the gate: the snapshot arrived; the buffered diffs decide whether it can be used.</summary>
    private void Load(OrderBook snapshot)
    {
        _loading = false;
        if (_buffer.Count == 0)
        {
            // The connection was replaced while the snapshot loaded: wait for diffs of the new one.
            return;
        }

        if (_crossedThrough is { } crossed && snapshot.UpdateId < crossed)
        {
            Verbose($"snapshot {snapshot.UpdateId} is older than update {crossed}, which crossed the book; loading another.");
            StartLoading(Backoff());
            return;
        }

        // A snapshot older than the first buffered diff cannot be continued by it: load another.
        var first = _buffer[0];
        var tooOld = _book.Rule == SequenceRule.FirstLast ? snapshot.UpdateId + 1 < first.FirstUpdateId : snapshot.UpdateId < first.FirstUpdateId;
        if (tooOld)
        {
            Verbose($"snapshot {snapshot.UpdateId} is older than the first buffered diff {first.FirstUpdateId}; loading another.");
            StartLoading(Backoff());
            return;
        }

        _crossedThrough = null;
        _book.LoadSnapshot(snapshot.UpdateId, snapshot.Bids.Select(l => (l.Price, l.Quantity)), snapshot.Asks.Select(l => (l.Price, l.Quantity)), snapshot.Time);
        var pending = _buffer.ToArray();
        _buffer.Clear();
        for (int k = 0; k < pending.Length; k++)
        {
            var result = _book.ApplyDiff(pending[k]);
            if (result is DiffResult.Gap or DiffResult.Crossed)
            {
                Verbose($"update {pending[k].FirstUpdateId} does not continue snapshot {snapshot.UpdateId} ({result}); loading another.");

                // A gap keeps the diff that did not follow (the next snapshot may precede it); a crossing one goes.
                if (result == DiffResult.Crossed) _crossedThrough = pending[k].LastUpdateId;
                _buffer.AddRange(pending.AsSpan(result == DiffResult.Crossed ? k + 1 : k).ToArray());
                StartLoading(Backoff());
                return;
            }
        }

        _loadAttempts = 0;
        if (_book.Resyncs > 0) Verbose($"in sync again at update {_book.LastUpdateId} (resync {_book.Resyncs}).");
        _changed(_book);
    }

    /// <summary>Snapshots cost request weight: repeated failures wait longer (0.25 s doubling to 8 s).</summary>
    private TimeSpan Backoff() => TimeSpan.FromMilliseconds(Math.Min(8000, 250 * Math.Pow(2, Math.Min(_loadAttempts++, 5))));

    private void Verbose(string message) => _host?.Verbose($"{_book.Exchange} {_book.Symbol} book: {message}");
}
