using Fluxum.Books;
using Fluxum.Diagnostics;

namespace Fluxum.Engine.Streams;

/// <summary>
/// One symbol's book for exchanges that send a snapshot and then updates proven by a checksum rather than by
/// sequence ids (Kraken): an update that fails its checksum or crosses the book means asking for a new snapshot;
/// updates before it are ignored; a snapshot that does not come in time is asked for again. The book is
/// published only while it is right. All calls are made under the protocol's book lock.
/// </summary>
internal sealed class ChecksummedBook
{
    private readonly Action _requestSnapshot;
    private readonly Action<LocalOrderBook> _changed;
    private readonly TimeSpan _patience;
    private readonly IFxHost? _host = FxLog.Current;
    private long _waitingSince;

    /// <param name="requestSnapshot">Asks the exchange for a fresh snapshot (Kraken: subscribe to the book again).</param>
    public ChecksummedBook(LocalOrderBook book, Action requestSnapshot, Action<LocalOrderBook> changed, TimeSpan patience)
    {
        Book = book;
        _requestSnapshot = requestSnapshot;
        _changed = changed;
        _patience = patience;
        ExpectSnapshot();
    }

    public LocalOrderBook Book { get; }

    public bool AwaitingSnapshot { get; private set; }

    /// <summary>A new connection: its subscription brings a snapshot; nothing before it can be trusted.</summary>
    public void ExpectSnapshot()
    {
        Book.Invalidate();
        AwaitingSnapshot = true;
        _waitingSince = Environment.TickCount64;
    }

    /// <summary>Applies a snapshot or an update with <paramref name="apply"/>, which loads or changes the book and checks the checksum.</summary>
    public void On(bool isSnapshot, Func<LocalOrderBook, DiffResult> apply)
    {
        if (!isSnapshot && AwaitingSnapshot) return;
        var result = apply(Book);
        if (result == DiffResult.Applied)
        {
            if (isSnapshot && AwaitingSnapshot && Book.Resyncs > 0) Verbose($"in sync again (resync {Book.Resyncs}).");
            if (isSnapshot) AwaitingSnapshot = false;
            _changed(Book);
            return;
        }

        Verbose($"{(result == DiffResult.Crossed ? "the book crossed" : "checksum mismatch")}; asking for a new snapshot.");
        Resync();
    }

    /// <summary>Called now and then (on any frame): a snapshot that has not come within the patience is asked for again.</summary>
    public void CheckPatience()
    {
        if (!AwaitingSnapshot || Environment.TickCount64 - _waitingSince < _patience.TotalMilliseconds) return;
        Verbose($"no snapshot {_patience.TotalSeconds:0} s after asking; asking again.");
        Resync();
    }

    private void Resync()
    {
        AwaitingSnapshot = true;
        _waitingSince = Environment.TickCount64;
        _requestSnapshot();
    }

    private void Verbose(string message) => _host?.Verbose($"{Book.Exchange} {Book.Symbol} book: {message}");
}
