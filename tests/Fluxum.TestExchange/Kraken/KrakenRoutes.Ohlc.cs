using System.Globalization;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Kraken;

/// <summary>
/// GET /0/public/OHLC?pair&amp;interval&amp;since: only the 720 most recent entries exist (older ones cannot be
/// had, whatever since says); since keeps those after it; the last entry is the current, still open frame and
/// is always present. "last" is the open time of the last committed (closed) entry.
/// </summary>
internal sealed partial class KrakenRoutes
{
    private const int OhlcWindow = 720;

    private IResult Ohlc(RequestParams p)
    {
        if (OnePair(p, out var pair) is { } error) return error;
        if (!TryInt(p, "interval", 1, 1, int.MaxValue, out var minutes) || !CandleInterval.Kraken.TryGetValue(minutes, out var interval))
        {
            return InvalidArguments();
        }

        long? since = null;
        if (p.NonEmpty("since") is { } raw)
        {
            if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)) return InvalidArguments();
            since = (long)decimal.Floor(s);
        }

        var i = pair.Instrument;
        var now = clock.Now;
        var current = interval.Floor(now);
        var first = current - (interval.Width * (OhlcWindow - 1));
        var listed = interval.Floor(i.Listed);
        if (first < listed) first = listed;
        var decimals = i.PriceDecimals;

        return Result(w =>
        {
            w.WriteStartArray(pair.Key);
            for (var open = first; open <= current; open = interval.Next(open))
            {
                if (since is { } s && open.ToUnixTimeSeconds() <= s && open != current) continue;
                if (Bars.Compute(i, open, interval.Next(open), now) is not { } bar) continue;
                w.WriteStartArray();
                w.WriteNumberValue(open.ToUnixTimeSeconds());
                w.WriteFixed(i.TicksToUnits(bar.OpenTicks), decimals);
                w.WriteFixed(i.TicksToUnits(bar.HighTicks), decimals);
                w.WriteFixed(i.TicksToUnits(bar.LowTicks), decimals);
                w.WriteFixed(i.TicksToUnits(bar.CloseTicks), decimals);
                if (bar.VolumeSteps > 0) w.WriteDecimal(bar.Quote(i) / bar.Volume(i), decimals);
                else w.WriteStringValue("0.0");
                w.WriteFixed(i.StepsToUnits(bar.VolumeSteps));
                w.WriteNumberValue(bar.Trades);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteNumber("last", (current > first ? interval.Previous(current) : current).ToUnixTimeSeconds());
        });
    }
}
