using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;
using static Fluxum.TestExchange.Binance.BinanceErrors;

namespace Fluxum.TestExchange.Binance;

/// <summary>GET /api/v3/depth: up to 5000 levels a side, bids descending, asks ascending.</summary>
internal sealed partial class BinanceSpotRoutes
{
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
        var (bids, asks) = OrderBookModel.Build(i, now, limit);
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("lastUpdateId", LastUpdateId(i, now));
            w.WritePropertyName("bids");
            Levels(w, i, bids);
            w.WritePropertyName("asks");
            Levels(w, i, asks);
            w.WriteEndObject();
        });
    }

    /// <summary>Grows with time (about 250 book updates a second since the listing); frozen once halted.</summary>
    private static long LastUpdateId(Instrument i, DateTimeOffset now) =>
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
