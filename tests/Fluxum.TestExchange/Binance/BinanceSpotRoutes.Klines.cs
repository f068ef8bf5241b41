using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;
using static Fluxum.TestExchange.Binance.BinanceErrors;

namespace Fluxum.TestExchange.Binance;

/// <summary>
/// GET /api/v3/klines (and /uiKlines, the same data here). Candles are identified by open time and computed
/// from (symbol, interval, open time), so overlapping pages always agree. With startTime: the oldest candles
/// opening at or after it; with endTime: none opening after it; with neither: the latest, the last one still
/// open. Nothing before the listing, nothing after a halt.
/// </summary>
internal sealed partial class BinanceSpotRoutes
{
    [GeneratedRegex(@"^([+-]?)(\d{1,2})(?::(\d{2}))?$")]
    private static partial Regex TimeZonePattern();

    private IResult Klines(HttpRequest request, BinanceTime time)
    {
        var q = request.Query;
        if (BinanceParams.Symbol(q, out var s) is { } error) return error;
        var code = q["interval"].ToString();
        if (code.Length == 0) return Mandatory("interval");
        if (!CandleInterval.Binance.TryGetValue(code, out var interval)) return InvalidInterval();
        if (BinanceParams.Limit(q, 500, 1000, out var limit) is { } limitError) return limitError;
        if (BinanceParams.Time(q, "startTime", out var start) is { } startError) return startError;
        if (BinanceParams.Time(q, "endTime", out var end) is { } endError) return endError;
        if (!TryTimeZone(q["timeZone"].ToString(), out var zone)) return NotValid("timeZone");

        var i = s.Instrument;
        var now = clock.Now;
        var firstOpen = interval.Floor(i.Listed, zone);
        var lastOpen = interval.Floor(i.Effective(now), zone);
        if (end is { } e && interval.Floor(e, zone) < lastOpen) lastOpen = interval.Floor(e, zone);

        var opens = new List<DateTimeOffset>(Math.Min(limit, 1000));
        if (start is { } st)
        {
            var open = interval.Ceiling(st, zone);
            if (open < firstOpen) open = firstOpen;
            for (; open <= lastOpen && opens.Count < limit; open = interval.Next(open, zone)) opens.Add(open);
        }
        else
        {
            for (var open = lastOpen; open >= firstOpen && opens.Count < limit; open = interval.Previous(open, zone)) opens.Add(open);
            opens.Reverse();
        }

        return Ok(w =>
        {
            w.WriteStartArray();
            foreach (var open in opens)
            {
                var next = interval.Next(open, zone);
                if (Bars.Compute(i, open, next, now) is not { } bar) continue;
                w.WriteStartArray();
                w.WriteNumberValue(time.Of(open));
                w.WriteFixed(i.TicksToUnits(bar.OpenTicks));
                w.WriteFixed(i.TicksToUnits(bar.HighTicks));
                w.WriteFixed(i.TicksToUnits(bar.LowTicks));
                w.WriteFixed(i.TicksToUnits(bar.CloseTicks));
                w.WriteFixed(i.StepsToUnits(bar.VolumeSteps));
                w.WriteNumberValue(time.Of(next) - 1);
                w.WriteDecimal(bar.Quote(i));
                w.WriteNumberValue(bar.Trades);
                w.WriteFixed(i.StepsToUnits(bar.TakerBuySteps));
                w.WriteDecimal(bar.TakerBuyQuote(i));
                w.WriteStringValue("0");
                w.WriteEndArray();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>"0", "8", "-1:00", "05:45", "+14:00": hours[:minutes] within [-12:00, +14:00].</summary>
    private static bool TryTimeZone(string raw, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (raw.Length == 0) return true;
        var m = TimeZonePattern().Match(raw);
        if (!m.Success) return false;
        var hours = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var minutes = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        if (minutes >= 60) return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (m.Groups[1].Value == "-") offset = -offset;
        return offset >= TimeSpan.FromHours(-12) && offset <= TimeSpan.FromHours(14);
    }
}
