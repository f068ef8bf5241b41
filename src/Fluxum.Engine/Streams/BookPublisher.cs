using Fluxum.Books;
using Fluxum.Streams;

namespace Fluxum.Engine.Streams;

/// <summary>
/// Hands books to the sink at most every interval (zero: on every change). Copying the top levels is the only
/// cost of a publish, and only the latest book per (exchange, symbol) waits in the sink (one command may watch
/// the same symbol on two exchanges), so a slow pipeline costs nothing here and never holds the socket.
/// </summary>
internal sealed class BookPublisher : IDisposable
{
    private readonly IStreamSink _sink;
    private readonly int _depth;
    private readonly TimeSpan _interval;
    private readonly object _gate;
    private readonly Dictionary<LocalOrderBook, long> _lastPublished = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<LocalOrderBook> _dirty = new(ReferenceEqualityComparer.Instance);
    private readonly Timer? _timer;


    /// <param name="gate">The lock every change to the books is made under; the timer takes it too.</param>
    public BookPublisher(IStreamSink sink, int depth, TimeSpan interval, object gate)
    {
        _sink = sink;
        _depth = depth;
        _interval = interval;
        _gate = gate;
        if (interval <= TimeSpan.Zero) return;

        // The timer only looks for books that have become due: it ticks several times per interval so a held-back
        // change goes out soon after its book's interval ends, never before.
        var tick = TimeSpan.FromMilliseconds(Math.Max(10, interval.TotalMilliseconds / 4));
        _timer = new Timer(_ => Flush(), null, tick, tick);
    }

    /// <summary>Called under the gate after a book changed.</summary>
    public void Changed(LocalOrderBook book)
    {
        if (_interval <= TimeSpan.Zero)
        {
            Publish(book);
            return;
        }

        if (IsDue(book))
        {
            Publish(book);
            _dirty.Remove(book);
        }
        else
        {
            _dirty.Add(book);
        }
    }

    private bool IsDue(LocalOrderBook book) =>
        !_lastPublished.TryGetValue(book, out var last) || Environment.TickCount64 - last >= _interval.TotalMilliseconds;

    private void Flush()
    {
        lock (_gate)
        {
            if (_dirty.Count == 0) return;
            foreach (var book in _dirty.Where(IsDue).ToList())
            {
                Publish(book);
                _dirty.Remove(book);
            }
        }
    }

    private void Publish(LocalOrderBook book)
    {
        // An invalid book is never emitted: the resync publishes again once it is right.
        if (!book.IsValid) return;
        _lastPublished[book] = Environment.TickCount64;
        _sink.PublishLatest(book.Exchange, book.Symbol, book.ToOrderBook(_depth));
    }

    public void Dispose() => _timer?.Dispose();
}
