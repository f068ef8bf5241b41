using System.Collections.Concurrent;
using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// The live books, one per symbol whose depth was ever subscribed, each stepped by its own loop at the fast depth
/// speed for the life of the server (so REST stays on the live book once it exists, subscribers or not).
/// </summary>
internal sealed class LiveBooks(TestExchangeOptions options, ExchangeClock clock, CancellationToken stopping)
{
    private readonly ConcurrentDictionary<string, Lazy<LiveBook>> _books = new(StringComparer.Ordinal);

    /// <summary>Raised on the book's loop after each step, in update-id order per symbol.</summary>
    public event Action<LiveBook, LiveDiff>? Changed;

    public LiveBook? Find(string symbol) => _books.TryGetValue(symbol, out var b) && b.IsValueCreated ? b.Value : null;

    public IReadOnlyList<LiveBook> All => _books.Values.Where(b => b.IsValueCreated).Select(b => b.Value).ToList();

    public LiveBook GetOrCreate(BinanceSymbol symbol) => _books.GetOrAdd(symbol.Symbol, key => new Lazy<LiveBook>(() =>
    {
        var now = clock.Now;
        var book = new LiveBook(symbol, now, BinanceSpotRoutes.LastUpdateId(symbol.Instrument, now), options.LiveBookLevels, options.LiveBookHistory);
        _ = Task.Run(() => RunAsync(book));
        return book;
    })).Value;

    private async Task RunAsync(LiveBook book)
    {
        using var timer = new PeriodicTimer(options.StreamDepthFastInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                if (book.Step(clock.Now) is { } diff) Changed?.Invoke(book, diff);
            }
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
    }
}
