using System.Runtime.CompilerServices;

namespace Fluxum.Trading;

/// <summary>
/// Reads account history (orders, fills) forward through the exchange's per-request limit: each page after the
/// first starts where the exchange module's cursor says (Binance: the id after the last one seen), and rows are told
/// apart by id, so nothing repeats between pages even when a cursor's bound is inclusive.
/// </summary>
public static class HistoryPager
{
    public const int PageSize = 1000;

    /// <param name="rowError">Gets each row that could not be read (the rest are still yielded); without it, the first one is thrown.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(Func<HistoryQuery, Task<HistoryPage<T>>> page, HistoryQuery first, int limit,
        Func<T, string> id, Func<T, DateTimeOffset?> time, [EnumeratorCancellation] CancellationToken ct = default,
        Action<Errors.FxException>? rowError = null)
    {
        var query = first with { Limit = Math.Min(PageSize, limit) };
        int total = 0;

        // Ids are the exchange's (text, not always numbers), so repeats are found by equality; one page back is
        // as far as an inclusive cursor can reach.
        var previous = new HashSet<string>(StringComparer.Ordinal);
        while (!ct.IsCancellationRequested)
        {
            var answer = await page(query).ConfigureAwait(false);
            var items = answer.Rows;
            items.ReportErrors(rowError);
            var current = new HashSet<string>(StringComparer.Ordinal);
            int fresh = 0;
            foreach (var item in items)
            {
                var itemId = id(item);
                if (!current.Add(itemId) || previous.Contains(itemId)) continue;
                // Later pages go by the cursor alone, so the end time is kept here.
                if (first.EndTime is { } end && time(item) is { } at && at > end) yield break;
                fresh++;
                total++;
                yield return item;
                if (total >= limit) yield break;
            }

            if (fresh == 0 || items.Rows < query.Limit || answer.NextCursor is null) yield break;
            previous = current;
            // Pages keep their size to the end: a smaller last page behind an inclusive cursor could hold only repeats.
            query = query with { Cursor = answer.NextCursor, FromId = null, StartTime = null };
        }
    }
}
