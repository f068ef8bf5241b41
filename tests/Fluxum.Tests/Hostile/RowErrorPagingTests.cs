using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.Trading;

namespace Fluxum.Tests.Hostile;

/// <summary>
/// Unreadable rows in paged reads: reported, never mistaken for the end of the data, never silent. A bad row that
/// ends a page is asked for again by the next page (which starts after the last good row), so it may be reported twice.
/// </summary>
public class RowErrorPagingTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CandleInterval Minute = CandleInterval.Parse("1m");

    [Fact]
    public async Task A_bad_row_at_the_end_of_a_full_candle_page_is_reported_and_paging_goes_on()
    {
        var market = new FakeCandleMarket(Enumerable.Range(0, 25).Select(i => T0.AddMinutes(i)), maxPerRequest: 10);
        market.Unreadable.Add(T0.AddMinutes(9));
        var errors = new List<FxException>();
        var candles = new List<Candle>();
        await foreach (var c in CandlePager.GetCandlesAsync(market, "BTCUSDT", Minute, T0, T0.AddMinutes(24), null, () => T0.AddDays(1),
                           rowError: errors.Add))
        {
            candles.Add(c);
        }

        Assert.Equal(24, candles.Count);
        Assert.DoesNotContain(candles, c => c.OpenTime == T0.AddMinutes(9));
        Assert.Equal(T0.AddMinutes(24), candles[^1].OpenTime);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains(T0.AddMinutes(9).ToString("u"), e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_anyone_to_report_to_a_bad_row_is_thrown_not_dropped()
    {
        var market = new FakeCandleMarket(Enumerable.Range(0, 5).Select(i => T0.AddMinutes(i)), maxPerRequest: 10);
        market.Unreadable.Add(T0.AddMinutes(2));
        await Assert.ThrowsAsync<FxException>(async () =>
        {
            await foreach (var _ in CandlePager.GetCandlesAsync(market, "BTCUSDT", Minute, T0, null, null, () => T0.AddDays(1)))
            {
            }
        });
    }

    [Fact]
    public async Task A_history_page_with_a_bad_row_counts_as_full_so_the_next_page_is_read()
    {
        var bad = new FxException("Fluxum.UnexpectedResponse", FxErrorKind.InvalidResult, "row [2] is left out");
        var pages = new List<HistoryQuery>();
        Task<HistoryPage<long>> Page(HistoryQuery q)
        {
            pages.Add(q);
            var from = q.Cursor is { } c ? long.Parse(c) : 1;
            var ids = Enumerable.Range((int)from, q.Limit).Select(i => (long)i).ToList();

            // Row 3 cannot be read: the first page holds as many rows as asked for, one of them an error.
            var rows = new RowSet<long>(ids.Where(i => i != 3).ToList(), ids.Contains(3) ? new[] { bad } : null);
            return Task.FromResult(new HistoryPage<long>(rows, (rows[^1] + 1).ToString()));
        }

        var errors = new List<FxException>();
        var read = new List<long>();
        await foreach (var id in HistoryPager.ReadAsync(Page, new HistoryQuery("X"), 4, i => i.ToString(), _ => null, rowError: errors.Add)) read.Add(id);
        Assert.Equal(new long[] { 1, 2, 4, 5 }, read);
        Assert.Same(bad, Assert.Single(errors));
        Assert.Equal(2, pages.Count);
        Assert.Equal("5", pages[1].Cursor);
    }
}
