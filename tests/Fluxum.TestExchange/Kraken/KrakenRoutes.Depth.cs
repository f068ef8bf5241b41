using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Kraken;

/// <summary>
/// GET /0/public/Depth?pair&amp;count (1..500, default 100): result keyed by the pair's key even when asked by
/// altname; levels are [price, volume, timestamp] with Kraken's number formats.
/// </summary>
internal sealed partial class KrakenRoutes
{
    private IResult Depth(RequestParams p)
    {
        if (OnePair(p, out var pair) is { } error) return error;
        if (!TryInt(p, "count", 100, 1, 500, out var count)) return InvalidArguments();
        var now = clock.Now;
        var (bids, asks) = OrderBookModel.Build(pair.Instrument, now, count);
        return Result(w =>
        {
            w.WriteStartObject(pair.Key);
            w.WritePropertyName("asks");
            Levels(w, pair, asks, now);
            w.WritePropertyName("bids");
            Levels(w, pair, bids, now);
            w.WriteEndObject();
        });
    }

    private static void Levels(Utf8JsonWriter w, KrakenPair pair, BookSide side, DateTimeOffset now)
    {
        var i = pair.Instrument;
        var second = now.ToUnixTimeSeconds();
        w.WriteStartArray();
        for (int k = 0; k < side.Count; k++)
        {
            w.WriteStartArray();
            w.WriteFixed(i.TicksToUnits(side.Ticks[k]), pair.WirePriceDecimals);
            w.WriteTrimmed(i.StepsToUnits(side.Steps[k]), 3);
            w.WriteNumberValue(second - (long)(Noise.Unit(i.BookSeed ^ (ulong)second, k) * Noise.Unit(i.BookSeed, k) * 120));
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
