using System.Globalization;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Kraken;

/// <summary>
/// GET /0/public/Trades?pair&amp;since&amp;count: trades after "since" (nanoseconds, or seconds with a fraction),
/// oldest first, at most count (1..1000, default 1000); without since the most recent ones. "last" is the
/// nanosecond time of the last trade returned, to pass back as since.
/// </summary>
internal sealed partial class KrakenRoutes
{
    private IResult Trades(RequestParams p)
    {
        if (OnePair(p, out var pair) is { } error) return error;
        if (!TryInt(p, "count", 1000, 1, 1000, out var count)) return InvalidArguments();
        var i = pair.Instrument;
        var lastSlot = TradeTape.LastSlot(i, clock.Now);

        long first;
        long? sinceNanos = null;
        if (p.NonEmpty("since") is { } raw)
        {
            if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var since) || since < 0) return InvalidArguments();
            var nanos = since >= 100_000_000_000m ? since : since * 1_000_000_000m;
            sinceNanos = (long)decimal.Truncate(nanos);
            first = TradeTape.FirstSlotAtOrAfter(i, sinceNanos.Value / 1000 + 1);
        }
        else
        {
            first = Math.Max(0, lastSlot - count + 1);
        }

        var end = Math.Min(lastSlot, first + count - 1);
        return Result(w =>
        {
            w.WriteStartArray(pair.Key);
            long lastNanos = sinceNanos ?? TradeTape.ToMicros(clock.Now) * 1000;
            for (var slot = first; slot <= end; slot++)
            {
                var t = TradeTape.Trade(i, slot);
                lastNanos = t.TimeMicros * 1000;
                w.WriteStartArray();
                w.WriteFixed(t.PriceUnits, pair.WirePriceDecimals);
                w.WriteFixed(t.QuantityUnits);
                w.WriteTrimmedNumber(t.TimeMicros * 100, 4);
                w.WriteStringValue(t.BuyerIsMaker ? "s" : "b");
                w.WriteStringValue(t.MarketOrder ? "m" : "l");
                w.WriteStringValue("");
                w.WriteNumberValue(slot + i.TradeIdBase + 1);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteString("last", lastNanos.ToString(CultureInfo.InvariantCulture));
        });
    }
}
