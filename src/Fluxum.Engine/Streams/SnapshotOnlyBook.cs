using Fluxum.Books;
using Fluxum.Diagnostics;

namespace Fluxum.Engine.Streams;

/// <summary>
/// One symbol's book for exchanges whose every book message is the whole book (Hyperliquid, Bitrue): each one
/// replaces the book outright, so nothing stale survives. A message older than the one held is ignored; a crossed
/// one is not published, and the book stays unpublishable until a sound message replaces it.
/// </summary>
internal sealed class SnapshotOnlyBook
{
    private readonly Action<LocalOrderBook> _changed;
    private readonly IFxHost? _host = FxLog.Current;

    public SnapshotOnlyBook(LocalOrderBook book, Action<LocalOrderBook> changed)
    {
        Book = book;
        _changed = changed;
    }

    public LocalOrderBook Book { get; }

    /// <param name="version">The message's version or time stamp where the exchange gives one (0: none, every message is taken).</param>
    public void OnSnapshot(long version, IEnumerable<(decimal Price, decimal Quantity)> bids, IEnumerable<(decimal Price, decimal Quantity)> asks,
        DateTimeOffset time)
    {
        if (version != 0 && version < Book.LastUpdateId) return;
        var wasValid = Book.IsValid;
        Book.LoadSnapshot(version, bids, asks, time);
        if (!Book.IsValid)
        {
            _host?.Verbose($"{Book.Exchange} {Book.Symbol} book: the exchange sent a crossed book; waiting for the next one.");
            return;
        }

        if (!wasValid && Book.Resyncs > 0) _host?.Verbose($"{Book.Exchange} {Book.Symbol} book: sound again (resync {Book.Resyncs}).");
        _changed(Book);
    }

    /// <summary>The connection was replaced: the book held may be old, so it waits for the next message.</summary>
    public void Invalidate() => Book.Invalidate();
}
