using System.Text.Json;
using Fluxum.TestExchange.Binance.Streams;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;
using static Fluxum.TestExchange.Binance.BinanceErrors;

namespace Fluxum.TestExchange.Binance;

/// <summary>
/// GET /api/v3/depth: up to 5000 levels a side, bids descending, asks ascending. Once a depth stream started a
/// symbol's live book, that book and its update id are served, so snapshots line up with the stream's diffs.
/// </summary>
internal sealed partial class BinanceSpotRoutes
{
    /// <summary>The live books behind the depth streams, when the server has them.</summary>
    internal LiveBooks? LiveBooks { get; init; }

    private IResult Depth(HttpRequest request, BinanceTime time)
    {
        var q = request.Query;
        if (BinanceParams.Symbol(q, out var s) is { } error) return error;
        if (BinanceParams.Limit(q, 100, 5000, out var limit) is { } limitError) return limitError;
        if (q["symbolStatus"].ToString() is { Length: > 0 } status)
        {
            if (status is not ("TRADING" or "HALT" or "BREAK")) return InvalidSymbolStatus();
            if (status != s.Status) return StatusMismatch();
        }

        var now = clock.Now;
        var i = s.Instrument;
        var (bids, asks, lastUpdateId) = LiveBooks?.Find(s.Symbol) is { } live ? live.Top(limit) : Generated(i, now, limit);
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("lastUpdateId", lastUpdateId);
            w.WritePropertyName("bids");
            Levels(w, i, bids);
            w.WritePropertyName("asks");
            Levels(w, i, asks);
            w.WriteEndObject();
        });
    }

    private static (BookSide Bids, BookSide Asks, long LastUpdateId) Generated(Instrument i, DateTimeOffset now, int limit)
    {
        var (bids, asks) = OrderBookModel.Build(i, now, limit);
        return (bids, asks, LastUpdateId(i, now));
    }

    /// <summary>Grows with time (about 250 book updates a second since the listing); frozen once halted.</summary>
    internal static long LastUpdateId(Instrument i, DateTimeOffset now) =>
        Math.Max(1, (long)((i.Effective(now) - i.Listed).TotalMilliseconds / 4));

    private static void Levels(Utf8JsonWriter w, Instrument i, BookSide side)
    {
        w.WriteStartArray();
        for (int k = 0; k < side.Count; k++)
        {
            w.WriteStartArray();
            w.WriteFixed(i.TicksToUnits(side.Ticks[k]));
            w.WriteFixed(i.StepsToUnits(side.Steps[k]));
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
