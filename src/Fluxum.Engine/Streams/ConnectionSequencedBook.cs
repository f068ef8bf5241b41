using Fluxum.Books;
using Fluxum.Diagnostics;

namespace Fluxum.Engine.Streams;

/// <summary>
/// The books of one connection whose messages carry one sequence number for the whole connection (Coinbase
/// sequence_num) instead of one per book: a number that does not follow the last one means some message, for some
/// book, was lost, so every book on the connection is voided and asked for again. A new connection starts its own
/// numbering. Updates of a book that waits for its snapshot are ignored. All calls are made under one lock.
/// </summary>
internal sealed class ConnectionSequencedBook
{
    private readonly Dictionary<string, LocalOrderBook> _books;
    private readonly HashSet<string> _awaiting = new(StringComparer.Ordinal);
    private readonly Action<string> _requestSnapshot;
    private readonly Action<LocalOrderBook> _changed;
    private readonly IFxHost? _host = FxLog.Current;
    private long? _lastSequence;

    /// <param name="requestSnapshot">Asks the exchange for a fresh snapshot of one book (by its native symbol), e.g. by resubscribing.</param>
    public ConnectionSequencedBook(IEnumerable<LocalOrderBook> books, Action<string> requestSnapshot, Action<LocalOrderBook> changed)
    {
        _books = books.ToDictionary(b => b.NativeSymbol, StringComparer.Ordinal);
        _requestSnapshot = requestSnapshot;
        _changed = changed;
        OnConnected();
    }

    public IReadOnlyDictionary<string, LocalOrderBook> Books => _books;

    public bool AwaitingSnapshot(string nativeSymbol) => _awaiting.Contains(nativeSymbol);

    /// <summary>A new connection: its numbering starts afresh and its subscriptions bring each book's snapshot.</summary>
    public void OnConnected()
    {
        _lastSequence = null;
        foreach (var (symbol, book) in _books)
        {
            book.Invalidate();
            _awaiting.Add(symbol);
        }
    }

    /// <summary>
    /// Takes one message of the connection. Every message counts for the sequence, whichever book (or none: a
    /// heartbeat, a trade) it belongs to; <paramref name="apply"/> is called only for a book that can take it.
    /// </summary>
    public void On(long sequence, string? nativeSymbol, bool isSnapshot, Func<LocalOrderBook, DiffResult>? apply)
    {
        if (_lastSequence is { } last)
        {
            if (sequence <= last) return; // a repeat: already counted and applied
            if (sequence != last + 1)
            {
                _lastSequence = sequence;
                Verbose($"sequence {sequence} does not follow {last}: a message was lost; asking for every book again.");
                foreach (var symbol in _books.Keys) Resync(symbol);
                if (!isSnapshot) return;
            }
        }

        _lastSequence = sequence;
        if (nativeSymbol is null || apply is null || !_books.TryGetValue(nativeSymbol, out var book)) return;
        if (!isSnapshot && _awaiting.Contains(nativeSymbol)) return;

        var result = apply(book);
        if (result == DiffResult.Applied)
        {
            if (isSnapshot && _awaiting.Remove(nativeSymbol) && book.Resyncs > 0) Verbose($"{book.Symbol} in sync again (resync {book.Resyncs}).");
            _changed(book);
            return;
        }

        Verbose($"{book.Symbol} {(result == DiffResult.Crossed ? "crossed" : "could not take the update")}; asking for it again.");
        Resync(nativeSymbol);
    }

    private void Resync(string nativeSymbol)
    {
        // Asked again even when already waiting: the lost message may have been that snapshot.
        _books[nativeSymbol].Invalidate();
        _awaiting.Add(nativeSymbol);
        _requestSnapshot(nativeSymbol);
    }

    private void Verbose(string message) => _host?.Verbose($"{_books.Values.FirstOrDefault()?.Exchange} books: {message}");
}
