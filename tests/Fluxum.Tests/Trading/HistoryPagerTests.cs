using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Tests.Trading;

public class HistoryPagerTests
{
    private sealed record Item(long Id, DateTimeOffset Time);

    [Fact]
    public async Task Pages_by_id_until_the_limit_or_the_end_time_without_repeats()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var items = Enumerable.Range(1, 3500).Select(i => new Item(i, t0.AddSeconds(i))).ToList();
        var pages = new List<HistoryQuery>();
        // An exchange like Binance's: the id to start from is inclusive, and its cursor is the id after the last row.
        Task<HistoryPage<Item>> Page(HistoryQuery q)
        {
            pages.Add(q);
            IEnumerable<Item> s = items;
            if ((q.Cursor ?? q.FromId) is { } f) s = s.Where(i => i.Id >= long.Parse(f));
            else if (q.StartTime is { } st) s = s.Where(i => i.Time >= st);
            var page = s.Take(q.Limit).ToList();
            return Task.FromResult(new HistoryPage<Item>(new RowSet<Item>(page), page.Count == 0 ? null : (page[^1].Id + 1).ToString()));
        }

        var all = new List<Item>();
        await foreach (var i in HistoryPager.ReadAsync(Page, new HistoryQuery("X") { StartTime = t0.AddSeconds(100) }, 10_000, i => i.Id.ToString(), i => i.Time)) all.Add(i);
        Assert.Equal(Enumerable.Range(100, 3401).Select(i => (long)i), all.Select(i => i.Id));
        Assert.Equal(4, pages.Count);
        Assert.Null(pages[1].StartTime); // later pages go by id

        var upTo = new List<Item>();
        await foreach (var i in HistoryPager.ReadAsync(Page, new HistoryQuery("X") { StartTime = t0, EndTime = t0.AddSeconds(1500) }, 10_000, i => i.Id.ToString(), i => i.Time)) upTo.Add(i);
        Assert.Equal(1500, upTo.Count);

        var limited = new List<Item>();
        await foreach (var i in HistoryPager.ReadAsync(Page, new HistoryQuery("X") { FromId = "10" }, 1234, i => i.Id.ToString(), i => i.Time)) limited.Add(i);
        Assert.Equal(1234, limited.Count);
        Assert.Equal(10, limited[0].Id);
    }
}
