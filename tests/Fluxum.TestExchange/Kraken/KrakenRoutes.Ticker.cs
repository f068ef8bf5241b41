using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Kraken;

/// <summary>
/// GET /0/public/Ticker?pair=A,B (none: all pairs): a/b from the book, c from the tape, and today (since UTC
/// midnight) beside the last 24 hours for volume, VWAP, trade count, low and high.
/// </summary>
internal sealed partial class KrakenRoutes
{
    private IResult Ticker(RequestParams p)
    {
        if (Pairs(p, out var pairs) is { } error) return error;
        var now = clock.Now;
        return Result(w =>
        {
            foreach (var pair in pairs) TickerFields(w, pair, now);
        });
    }

    private static void TickerFields(Utf8JsonWriter w, KrakenPair pair, DateTimeOffset now)
    {
        var i = pair.Instrument;
        var decimals = pair.WirePriceDecimals;
        var (bids, asks) = OrderBookModel.Build(i, now, 1);
        var lastSlot = TradeTape.LastSlot(i, now);
        var last = lastSlot >= 0 ? TradeTape.Trade(i, lastSlot) : default;
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var today = Bars.Window(i, midnight, now, now);
        var day = Bars.Window(i, now.AddDays(-1), now, now);

        w.WriteStartObject(pair.Key);
        Quote(w, "a", i, asks, decimals);
        Quote(w, "b", i, bids, decimals);
        w.WriteStartArray("c");
        w.WriteFixed(last.PriceUnits, decimals);
        w.WriteFixed(last.QuantityUnits);
        w.WriteEndArray();

        w.WriteStartArray("v");
        w.WriteFixed(today is { } t1 ? i.StepsToUnits(t1.VolumeSteps) : 0);
        w.WriteFixed(day is { } d1 ? i.StepsToUnits(d1.VolumeSteps) : 0);
        w.WriteEndArray();
        w.WriteStartArray("p");
        Vwap(w, i, today, last.PriceUnits, decimals);
        Vwap(w, i, day, last.PriceUnits, decimals);
        w.WriteEndArray();
        w.WriteStartArray("t");
        w.WriteNumberValue(today?.Trades ?? 0);
        w.WriteNumberValue(day?.Trades ?? 0);
        w.WriteEndArray();
        w.WriteStartArray("l");
        w.WriteFixed(today is { } t2 ? i.TicksToUnits(t2.LowTicks) : last.PriceUnits, decimals);
        w.WriteFixed(day is { } d2 ? i.TicksToUnits(d2.LowTicks) : last.PriceUnits, decimals);
        w.WriteEndArray();
        w.WriteStartArray("h");
        w.WriteFixed(today is { } t3 ? i.TicksToUnits(t3.HighTicks) : last.PriceUnits, decimals);
        w.WriteFixed(day is { } d3 ? i.TicksToUnits(d3.HighTicks) : last.PriceUnits, decimals);
        w.WriteEndArray();
        w.WritePropertyName("o");
        w.WriteFixed(today is { } t4 ? i.TicksToUnits(t4.OpenTicks) : last.PriceUnits, decimals);
        w.WriteEndObject();
    }

    /// <summary>[price, whole lot volume, lot volume] of the best level.</summary>
    private static void Quote(Utf8JsonWriter w, string name, Instrument i, BookSide side, int decimals)
    {
        var price = side.Count > 0 ? i.TicksToUnits(side.Ticks[0]) : 0;
        var volume = side.Count > 0 ? i.StepsToUnits(side.Steps[0]) : 0;
        w.WriteStartArray(name);
        w.WriteFixed(price, decimals);
        w.WriteStringValue((volume / Fixed.One).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteFixed(volume, 3);
        w.WriteEndArray();
    }

    private static void Vwap(Utf8JsonWriter w, Instrument i, Bar? bar, long fallback, int decimals)
    {
        if (bar is { VolumeSteps: > 0 } b) w.WriteDecimal(b.Quote(i) / b.Volume(i), decimals);
        else w.WriteFixed(fallback, decimals);
    }
}
