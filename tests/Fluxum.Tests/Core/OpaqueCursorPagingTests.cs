using Fluxum.Engine.Streams;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Symbols;
using Fluxum.Trading;

namespace Fluxum.Tests.Core;

/// <summary>
/// Paging over ids that are not numbers (Coinbase's UUIDs) with a cursor only the exchange understands: here a time
/// that is inclusive at its bound, so each page repeats the last rows of the one before. Every row arrives once, in
/// order, with none lost.
/// </summary>
public class OpaqueCursorPagingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Rows with UUID ids, several sharing each second, so a page's last second goes on into the next page.</summary>
    private static List<(string Id, DateTimeOffset Time)> Tape(int count) =>
        Enumerable.Range(0, count).Select(i => (Guid.NewGuid().ToString(), T0.AddSeconds(i / 7))).ToList();

    /// <summary>The page from a time (inclusive), and as cursor the time of its last row in ticks: what a time-cursor exchange hands back.</summary>
    private static (List<(string Id, DateTimeOffset Time)> Rows, string? Next) PageFrom(List<(string Id, DateTimeOffset Time)> tape, DateTimeOffset from, int limit)
    {
        var rows = tape.Where(r => r.Time >= from).Take(limit).ToList();
        return (rows, rows.Count == 0 ? null : rows[^1].Time.UtcTicks.ToString());
    }

    private static DateTimeOffset From(string? cursor, DateTimeOffset? start) =>
        cursor is { } c ? new DateTimeOffset(long.Parse(c), TimeSpan.Zero) : start ?? T0;

    [Fact]
    public async Task Trade_pages_on_an_inclusive_time_cursor_with_uuid_ids_neither_repeat_nor_skip()
    {
        var tape = Tape(2345);
        var market = new TimeCursorTradeMarket(tape, maxPerRequest: 100);
        var read = new List<Trade>();
        await foreach (var t in TradePager.GetTradesAsync(market, new TradeQuery("BTC-USD", 100) { StartTime = T0 }, null)) read.Add(t);

        Assert.Equal(tape.Select(r => r.Id), read.Select(t => t.Id));
        Assert.True(market.Cursors.Count > 20);
        Assert.All(market.Cursors.Skip(1), c => Assert.NotNull(c)); // later pages go by the exchange's cursor
    }

    [Fact]
    public async Task History_pages_on_an_inclusive_time_cursor_with_uuid_ids_neither_repeat_nor_skip()
    {
        var tape = Tape(3456);
        var queries = new List<HistoryQuery>();
        Task<HistoryPage<(string Id, DateTimeOffset Time)>> Page(HistoryQuery q)
        {
            queries.Add(q);
            var (rows, next) = PageFrom(tape, From(q.Cursor, q.StartTime), q.Limit);
            return Task.FromResult(new HistoryPage<(string Id, DateTimeOffset Time)>(new RowSet<(string Id, DateTimeOffset Time)>(rows), next));
        }

        var read = new List<(string Id, DateTimeOffset Time)>();
        await foreach (var r in HistoryPager.ReadAsync(Page, new HistoryQuery("BTC-USD") { StartTime = T0 }, 10_000, r => r.Id, r => r.Time)) read.Add(r);

        Assert.Equal(tape.Select(r => r.Id), read.Select(r => r.Id));
        Assert.Equal(4, queries.Count);
        Assert.All(queries.Skip(1), q => Assert.Equal((null, (DateTimeOffset?)null), (q.FromId, q.StartTime))); // the cursor alone says where
        Assert.All(queries.Skip(1), q => Assert.NotNull(q.Cursor));

        // A limit counts rows, not pages, and an end time stops the read within a page.
        var limited = new List<string>();
        await foreach (var r in HistoryPager.ReadAsync(Page, new HistoryQuery("BTC-USD") { StartTime = T0 }, 1500, r => r.Id, r => r.Time)) limited.Add(r.Id);
        Assert.Equal(tape.Take(1500).Select(r => r.Id), limited);
        var upTo = new List<string>();
        await foreach (var r in HistoryPager.ReadAsync(Page, new HistoryQuery("BTC-USD") { StartTime = T0, EndTime = T0.AddSeconds(200) }, 10_000, r => r.Id, r => r.Time)) upTo.Add(r.Id);
        Assert.Equal(tape.Where(r => r.Time <= T0.AddSeconds(200)).Select(r => r.Id), upTo);
    }

    [Fact]
    public async Task A_cursor_that_does_not_move_ends_the_read_instead_of_looping()
    {
        var tape = Tape(HistoryPager.PageSize);
        var calls = 0;
        Task<HistoryPage<(string Id, DateTimeOffset Time)>> Stuck(HistoryQuery q)
        {
            calls++;
            return Task.FromResult(new HistoryPage<(string Id, DateTimeOffset Time)>(new RowSet<(string Id, DateTimeOffset Time)>(tape.Take(q.Limit).ToList()), "same"));
        }

        var read = new List<string>();
        await foreach (var r in HistoryPager.ReadAsync(Stuck, new HistoryQuery("X"), 5000, r => r.Id, r => r.Time)) read.Add(r.Id);
        Assert.Equal(tape.Select(r => r.Id), read);
        Assert.Equal(2, calls); // the second page held nothing new
    }

    [Fact]
    public void Stream_repeats_are_found_among_uuid_ids_and_numbers_alike()
    {
        var ids = new RecentTradeIds();
        var a = Guid.NewGuid().ToString();
        var b = Guid.NewGuid().ToString();
        Assert.True(ids.Add(a));
        Assert.True(ids.Add(b));
        Assert.False(ids.Add(a));
        Assert.True(ids.Add("9007199254740993")); // above 2^53: text keeps every digit
        Assert.False(ids.Add("9007199254740993"));
        Assert.True(ids.Add("9007199254740992"));
        Assert.True(ids.Add(""));
        Assert.True(ids.Add("")); // no id, no way to call it a repeat

        // The window forgets the oldest: a repeat from 256 trades back is new again, one from 255 back is not.
        for (int i = 0; i < 300; i++) ids.Add("n" + i);
        Assert.False(ids.Add("n299"));
        Assert.False(ids.Add("n45"));
        Assert.True(ids.Add("n43"));
    }

    /// <summary>Serves trades the way a time-cursor exchange does: from the cursor's time, inclusive.</summary>
    private sealed class TimeCursorTradeMarket(List<(string Id, DateTimeOffset Time)> tape, int maxPerRequest) : IMarketData
    {
        public List<string?> Cursors { get; } = new();
        public ExchangeId Exchange => ExchangeId.Coinbase;
        public ExchangeInfo Info { get; } = new() { Exchange = ExchangeId.Coinbase };
        public IReadOnlyList<CandleInterval> CandleIntervals { get; } = Array.Empty<CandleInterval>();
        public int MaxCandlesPerRequest => 300;
        public int MaxTradesPerRequest { get; } = maxPerRequest;
        public DepthLimitRule DepthLimits { get; } = new(1, 50, 50);

        public Task<TradePage> GetTradesAsync(TradeQuery query, CancellationToken ct)
        {
            Cursors.Add(query.Cursor);
            var (rows, next) = PageFrom(tape, From(query.Cursor, query.StartTime), query.Limit);
            var trades = rows.Select(r => new Trade
            {
                Exchange = ExchangeId.Coinbase, Symbol = "BTC/USD", NativeSymbol = "BTC-USD", Id = r.Id, Price = 1m, Quantity = 1m, Time = r.Time,
            }).ToList();
            return Task.FromResult(new TradePage(new RowSet<Trade>(trades), next));
        }

        public Task<ServerTime> GetServerTimeAsync(CancellationToken ct) => throw new NotSupportedException();
        public Task<SymbolCatalog> GetSymbolsAsync(CancellationToken ct) => throw new NotSupportedException();
        public Task<OrderBook> GetDepthAsync(string symbol, int? limit, CancellationToken ct) => throw new NotSupportedException();
        public Task<RowSet<Ticker>> GetTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) => throw new NotSupportedException();
        public Task<RowSet<PriceTicker>> GetPriceTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) => throw new NotSupportedException();
        public Task<RowSet<BookTicker>> GetBookTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) => throw new NotSupportedException();
        public Task<RowSet<Candle>> GetCandlePageAsync(string symbol, CandleInterval interval, DateTimeOffset? start, DateTimeOffset? end, int limit,
            CancellationToken ct) => throw new NotSupportedException();
    }
}
