using System.Runtime.CompilerServices;
using Fluxum.Diagnostics;
using Fluxum.Models;

namespace Fluxum.Market;

/// <summary>Reads trade history page by page, following each exchange's own cursor, up to a count or an end time.</summary>
public static class TradePager
{
    private static int _activitySeed = 8000;

    /// <param name="maxTotal">Null reads until EndTime (or the present).</param>
    /// <param name="rowError">Gets each trade row that could not be read (the rest are still yielded); without it, the first one is thrown.</param>
    /// <param name="warnWhenCut">The count was not the user's choice: say so when it stops the read with trades left.</param>
    public static async IAsyncEnumerable<Trade> GetTradesAsync(IMarketData market, TradeQuery query, int? maxTotal,
        [EnumeratorCancellation] CancellationToken ct = default, Action<Errors.FxException>? rowError = null, bool warnWhenCut = false)
    {
        if (!query.IsHistory && query.Limit > market.MaxTradesPerRequest)
        {
            FxLog.Warning($"{market.Exchange} returns at most {market.MaxTradesPerRequest} recent trades; for more, read history with -FromId or -StartTime.");
        }

        var activity = Interlocked.Increment(ref _activitySeed);
        var label = $"Reading trades of {query.Symbol} from {market.Exchange}";
        var next = query;
        int total = 0;

        // Cursors are the module's own, so the pager cannot tell a later id from an earlier one; a page repeating
        // rows of the page before it (a cursor that is a time, inclusive at its bound) is what can happen, so the
        // ids of the last two pages are enough to drop every repeat without holding the whole history.
        var previous = new HashSet<string>(StringComparer.Ordinal);

        // Pages keep their size to the end: a smaller last page behind an inclusive cursor could hold only repeats.
        var want = !query.IsHistory ? Math.Min(query.Limit, market.MaxTradesPerRequest)
            : maxTotal is { } m ? Math.Min(market.MaxTradesPerRequest, m) : market.MaxTradesPerRequest;
        if (want <= 0) yield break;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var page = await market.GetTradesAsync(next with { Limit = want }, ct).ConfigureAwait(false);
                page.Trades.ReportErrors(rowError);
                var current = new HashSet<string>(StringComparer.Ordinal);
                int fresh = 0;
                for (int i = 0; i < page.Trades.Count; i++)
                {
                    var trade = page.Trades[i];
                    if (query.EndTime is { } end && trade.Time > end) yield break;

                    // An exchange that gives no id (old Kraken answers) cannot repeat one either.
                    if (query.IsHistory && trade.Id.Length > 0 && (!current.Add(trade.Id) || previous.Contains(trade.Id))) continue;
                    fresh++;
                    total++;
                    yield return trade;
                    if (maxTotal is { } max && total >= max)
                    {
                        if (warnWhenCut && (i < page.Trades.Count - 1 || (page.NextCursor is not null && page.Trades.Rows >= want)))
                        {
                            FxLog.Warning($"Stopped after {total} trades of {query.Symbol} (the default count), up to {trade.Time:yyyy-MM-dd HH:mm:ss.fff}Z; more follow. " +
                                "Give -Limit for more, or -StartTime (with -EndTime) to read a time range to its end.");
                        }

                        yield break;
                    }
                }

                if (!query.IsHistory || page.NextCursor is null || page.Trades.Count == 0 || fresh == 0) yield break;
                previous = current;
                next = next with { Cursor = page.NextCursor };
                var lastTime = page.Trades[^1].Time;
                FxLog.Progress(new FxProgress(activity, label, $"{total} trades, up to {lastTime:u}",
                    query.StartTime is { } s && query.EndTime is { } e && e > s
                        ? (int)Math.Clamp(100.0 * (lastTime - s).Ticks / (e - s).Ticks, 0, 100)
                        : -1));
            }
        }
        finally
        {
            if (query.IsHistory) FxLog.Progress(new FxProgress(activity, label, $"{total} trades", 100, Completed: true));
        }
    }
}
