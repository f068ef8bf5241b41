using System.Runtime.CompilerServices;
using Fluxum.Diagnostics;
using Fluxum.Models;

namespace Fluxum.Market;

/// <summary>
/// Reads any range of candles through an exchange's per-request limit. Pages are chained by open time
/// (the next page starts one interval after the last open time seen), so a page boundary can neither repeat
/// nor skip a candle; gaps inside the exchange's own data are reported, never filled.
/// </summary>
public static class CandlePager
{
    private static int _activitySeed = 7000;

    public const int DefaultLatestCount = 500;

    /// <param name="rowError">Gets each candle row that could not be read (the rest are still yielded); without it, the first one is thrown.</param>
    public static async IAsyncEnumerable<Candle> GetCandlesAsync(IMarketData market, string symbol, CandleInterval interval,
        DateTimeOffset? start, DateTimeOffset? end, int? limit, Func<DateTimeOffset>? clock = null,
        [EnumeratorCancellation] CancellationToken ct = default, Action<Errors.FxException>? rowError = null)
    {
        if (start is { } s && end is { } e && e < s)
        {
            throw new Errors.FxException("Fluxum.InvalidTimeRange", Errors.FxErrorKind.InvalidArgument,
                $"The end time {e:u} is before the start time {s:u}.", market.Exchange);
        }

        var activity = Interlocked.Increment(ref _activitySeed);
        if (start is null)
        {
            foreach (var c in await LatestAsync(market, symbol, interval, end, limit ?? Math.Min(DefaultLatestCount, market.MaxCandlesPerRequest), activity, rowError, ct))
            {
                yield return c;
            }

            yield break;
        }

        var now = (clock ?? (() => DateTimeOffset.UtcNow))();
        var rangeEnd = end ?? now;
        var cursor = start.Value;
        Candle? last = null;
        int total = 0;
        var label = $"Reading {interval} candles of {symbol} from {market.Exchange}";
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var pageLimit = limit is { } l ? Math.Min(market.MaxCandlesPerRequest, l - total) : market.MaxCandlesPerRequest;
                if (pageLimit <= 0) yield break;
                var page = await market.GetCandlePageAsync(symbol, interval, cursor, end, pageLimit, ct).ConfigureAwait(false);
                page.ReportErrors(rowError);
                int fresh = 0;
                foreach (var candle in page)
                {
                    if (last is not null && candle.OpenTime <= last.OpenTime) continue;
                    if (end is { } stop && candle.OpenTime > stop) break;
                    if (last is not null && candle.OpenTime > interval.Next(last.OpenTime))
                    {
                        FxLog.Verbose($"{market.Exchange} has no {interval} candles of {symbol} from {interval.Next(last.OpenTime):u} to {candle.OpenTime:u} (a gap in the exchange's data).");
                    }

                    last = candle;
                    fresh++;
                    total++;
                    yield return candle;
                    if (limit is { } max && total >= max) yield break;
                }

                if (fresh == 0 || page.Rows < pageLimit || last is null) yield break;
                cursor = interval.Next(last.OpenTime);
                if (cursor > rangeEnd) yield break;
                FxLog.Progress(new FxProgress(activity, label, $"{total} candles, up to {last.OpenTime:u}",
                    Percent(start.Value, rangeEnd, last.OpenTime)));
            }
        }
        finally
        {
            FxLog.Progress(new FxProgress(activity, label, $"{total} candles", 100, Completed: true));
        }
    }

    /// <summary>The latest <paramref name="count"/> candles up to end, paging backwards when one request is not enough.</summary>
    private static async Task<IReadOnlyList<Candle>> LatestAsync(IMarketData market, string symbol, CandleInterval interval,
        DateTimeOffset? end, int count, int activity, Action<Errors.FxException>? rowError, CancellationToken ct)
    {
        if (count <= market.MaxCandlesPerRequest)
        {
            var only = await market.GetCandlePageAsync(symbol, interval, null, end, count, ct).ConfigureAwait(false);
            only.ReportErrors(rowError);
            return only;
        }

        var pages = new List<IReadOnlyList<Candle>>();
        int total = 0;
        var label = $"Reading the latest {count} {interval} candles of {symbol} from {market.Exchange}";
        DateTimeOffset? before = end;
        DateTimeOffset? earliest = null;
        while (total < count && !ct.IsCancellationRequested)
        {
            var want = Math.Min(market.MaxCandlesPerRequest, count - total);
            var page = await market.GetCandlePageAsync(symbol, interval, null, before, want, ct).ConfigureAwait(false);
            page.ReportErrors(rowError);
            var older = earliest is { } e ? page.Where(c => c.OpenTime < e).ToList() : page.ToList();
            if (older.Count == 0) break;
            if (older.Count > count - total) older = older.Skip(older.Count - (count - total)).ToList();
            pages.Add(older);
            total += older.Count;
            earliest = older[0].OpenTime;
            before = earliest.Value.AddMilliseconds(-1);
            FxLog.Progress(new FxProgress(activity, label, $"{total} of {count} candles", (int)(100L * total / count)));
        }

        FxLog.Progress(new FxProgress(activity, label, $"{total} candles", 100, Completed: true));
        if (total < count)
        {
            FxLog.Warning($"{market.Exchange} has only {total} {interval} candles of {symbol} before {end?.ToString("u") ?? "now"}; {count} were asked for.");
        }

        pages.Reverse();
        return pages.SelectMany(p => p).ToList();
    }

    private static int Percent(DateTimeOffset start, DateTimeOffset end, DateTimeOffset at)
    {
        var span = (end - start).Ticks;
        return span <= 0 ? 100 : (int)Math.Clamp(100.0 * (at - start).Ticks / span, 0, 100);
    }
}
