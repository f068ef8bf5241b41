using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;
using static Fluxum.TestExchange.Binance.BinanceErrors;

namespace Fluxum.TestExchange.Binance;

/// <summary>
/// GET /api/v3/trades, /historicalTrades and /aggTrades, all read from the instrument's tape. Trade ids are
/// tape slots plus the symbol's id base; aggregate trade ids are the slots themselves (one trade each), so the
/// two id spaces differ like on the real exchange.
/// </summary>
internal sealed partial class BinanceSpotRoutes
{
    private IResult Trades(HttpRequest request, BinanceTime time, bool history)
    {
        var q = request.Query;
        if (BinanceParams.Symbol(q, out var s) is { } error) return error;
        if (BinanceParams.Limit(q, 500, 1000, out var limit) is { } limitError) return limitError;
        long? fromId = null;
        if (history && BinanceParams.Long(q, "fromId", out fromId) is { } idError) return idError;

        var i = s.Instrument;
        var last = TradeTape.LastSlot(i, clock.Now);
        var first = fromId is { } id ? Math.Max(0, id - i.TradeIdBase) : last - limit + 1;
        return Ok(w =>
        {
            w.WriteStartArray();
            for (var slot = Math.Max(0, first); slot <= last && slot < first + limit; slot++)
            {
                var t = TradeTape.Trade(i, slot);
                w.WriteStartObject();
                w.WriteNumber("id", slot + i.TradeIdBase);
                w.WriteFixed("price", t.PriceUnits);
                w.WriteFixed("qty", t.QuantityUnits);
                w.WriteFixed("quoteQty", Fixed.Multiply(t.PriceUnits, t.QuantityUnits));
                w.WriteNumber("time", time.OfMicros(t.TimeMicros));
                w.WriteBoolean("isBuyerMaker", t.BuyerIsMaker);
                w.WriteBoolean("isBestMatch", true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private IResult AggTrades(HttpRequest request, BinanceTime time)
    {
        var q = request.Query;
        if (BinanceParams.Symbol(q, out var s) is { } error) return error;
        if (BinanceParams.Limit(q, 500, 1000, out var limit) is { } limitError) return limitError;
        if (BinanceParams.Long(q, "fromId", out var fromId) is { } idError) return idError;
        if (BinanceParams.Time(q, "startTime", out var start) is { } startError) return startError;
        if (BinanceParams.Time(q, "endTime", out var end) is { } endError) return endError;
        if (fromId is not null && (start is not null || end is not null)) return BadCombination();
        if (start is { } s0 && end is { } e0 && e0 - s0 > TimeSpan.FromHours(1)) return TooManyHours(1);

        var i = s.Instrument;
        var last = TradeTape.LastSlot(i, clock.Now);
        if (end is { } e) last = Math.Min(last, TradeTape.LastSlotAtOrBefore(i, TradeTape.ToMicros(e) + 999));
        long first;
        if (fromId is { } id) first = id;
        else if (start is { } st) first = TradeTape.FirstSlotAtOrAfter(i, TradeTape.ToMicros(st));
        else first = last - limit + 1;

        return Ok(w =>
        {
            w.WriteStartArray();
            for (var slot = Math.Max(0, first); slot <= last && slot < first + limit; slot++)
            {
                var t = TradeTape.Trade(i, slot);
                w.WriteStartObject();
                w.WriteNumber("a", slot);
                w.WriteFixed("p", t.PriceUnits);
                w.WriteFixed("q", t.QuantityUnits);
                w.WriteNumber("f", slot + i.TradeIdBase);
                w.WriteNumber("l", slot + i.TradeIdBase);
                w.WriteNumber("T", time.OfMicros(t.TimeMicros));
                w.WriteBoolean("m", t.BuyerIsMaker);
                w.WriteBoolean("M", true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }
}
