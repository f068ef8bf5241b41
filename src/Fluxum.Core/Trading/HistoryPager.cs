using System.Runtime.CompilerServices;

namespace Fluxum.Trading;

/// <summary>
/// Reads account history (orders, fills) forward through the exchange's per-request limit: each page after the
/// first starts at the id after the last one seen, so nothing repeats or goes missing between pages.
/// </summary>
public static class HistoryPager
{
    public const int PageSize = 1000;

    /// <param name="rowError">Gets each row that could not be read (the rest are still yielded); without it, the first one is thrown.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(Func<HistoryQuery, Task<Models.RowSet<T>>> page, HistoryQuery first, int limit,
        Func<T, long> id, Func<T, DateTimeOffset?> time, [EnumeratorCancellation] CancellationToken ct = default,
        Action<Errors.FxException>? rowError = null)
    {
        var query = first with { Limit = Math.Min(PageSize, limit) };
        int total = 0;
        long last = long.MinValue;
        while (!ct.IsCancellationRequested)
        {
            var items = await page(query).ConfigureAwait(false);
            items.ReportErrors(rowError);
            int fresh = 0;
            foreach (var item in items)
            {
                var itemId = id(item);
                if (itemId <= last) continue;
                // Later pages go by id alone, so the end time is kept here.
                if (first.EndTime is { } end && time(item) is { } at && at > end) yield break;
                last = itemId;
                fresh++;
                total++;
                yield return item;
                if (total >= limit) yield break;
            }

            if (fresh == 0 || items.Rows < query.Limit) yield break;
            query = query with { FromId = last + 1, StartTime = null, Limit = Math.Min(PageSize, limit - total) };
        }
    }
}
