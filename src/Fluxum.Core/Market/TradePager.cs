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
    public static async IAsyncEnumerable<Trade> GetTradesAsync(IMarketData market, TradeQuery query, int? maxTotal,
        [EnumeratorCancellation] CancellationToken ct = default, Action<Errors.FxException>? rowError = null)
    {
        if (!query.IsHistory && query.Limit > market.MaxTradesPerRequest)
        {
            FxLog.Warning($"{market.Exchange} returns at most {market.MaxTradesPerRequest} recent trades; for more, read history with -FromId or -StartTime.");
        }

        var activity = Interlocked.Increment(ref _activitySeed);
        var label = $"Reading trades of {query.Symbol} from {market.Exchange}";
        var next = query;
        int total = 0;
        long lastId = long.MinValue;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var want = maxTotal is { } m ? Math.Min(market.MaxTradesPerRequest, m - total) : market.MaxTradesPerRequest;
                if (!query.IsHistory) want = Math.Min(query.Limit, market.MaxTradesPerRequest);
                if (want <= 0) yield break;
                var page = await market.GetTradesAsync(next with { Limit = want }, ct).ConfigureAwait(false);
                page.Trades.ReportErrors(rowError);
                foreach (var trade in page.Trades)
                {
                    if (query.EndTime is { } end && trade.Time > end) yield break;
                    if (query.IsHistory && trade.Id <= lastId && trade.Id != 0) continue;
                    lastId = trade.Id;
                    total++;
                    yield return trade;
                    if (maxTotal is { } max && total >= max) yield break;
                }

                if (!query.IsHistory || page.NextCursor is null || page.Trades.Count == 0) yield break;
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
