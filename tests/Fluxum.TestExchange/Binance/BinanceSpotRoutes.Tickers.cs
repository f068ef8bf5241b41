using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;
using static Fluxum.TestExchange.Binance.BinanceErrors;

namespace Fluxum.TestExchange.Binance;

/// <summary>
/// GET /api/v3/ticker/24hr, /ticker/price, /ticker/bookTicker and /avgPrice. One symbol answers an object,
/// symbols=[...] or none answers an array. Figures agree with the tape (last price, trade ids and counts),
/// the book (bid/ask) and the candles (volume).
/// </summary>
internal sealed partial class BinanceSpotRoutes
{
    private IResult Ticker24h(HttpRequest request, BinanceTime time)
    {
        var type = request.Query["type"].ToString();
        if (type.Length > 0 && type is not ("FULL" or "MINI")) return InvalidTickerType();
        var mini = type == "MINI";
        return Tickers(request, (w, s) => Rolling24h(w, s, time, mini));
    }

    private IResult TickerPrice(HttpRequest request, BinanceTime time) => Tickers(request, (w, s) =>
    {
        var i = s.Instrument;
        var last = TradeTape.LastSlot(i, clock.Now);
        w.WriteString("symbol", s.Symbol);
        w.WriteFixed("price", last >= 0 ? TradeTape.Trade(i, last).PriceUnits : 0);
    });

    private IResult BookTicker(HttpRequest request, BinanceTime time) => Tickers(request, (w, s) =>
    {
        var i = s.Instrument;
        var (bids, asks) = OrderBookModel.Build(i, clock.Now, 1);
        w.WriteString("symbol", s.Symbol);
        w.WriteFixed("bidPrice", bids.Count > 0 ? i.TicksToUnits(bids.Ticks[0]) : 0);
        w.WriteFixed("bidQty", bids.Count > 0 ? i.StepsToUnits(bids.Steps[0]) : 0);
        w.WriteFixed("askPrice", asks.Count > 0 ? i.TicksToUnits(asks.Ticks[0]) : 0);
        w.WriteFixed("askQty", asks.Count > 0 ? i.StepsToUnits(asks.Steps[0]) : 0);
    });

    /// <summary>The average trade price over the last 5 minutes (sampled every 30 s), and the last trade's time.</summary>
    private IResult AvgPrice(HttpRequest request, BinanceTime time)
    {
        if (BinanceParams.Symbol(request.Query, out var s) is { } error) return error;
        var i = s.Instrument;
        var now = i.Effective(clock.Now);
        decimal sum = 0;
        const int samples = 10;
        for (int k = 0; k < samples; k++)
        {
            var second = now.AddSeconds(-30 * k).ToUnixTimeSeconds();
            sum += (i.BidTicks(second) + i.SpreadTicks(second) / 2m) * i.Tick;
        }

        var last = TradeTape.LastSlot(i, clock.Now);
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("mins", 5);
            w.WritePropertyName("price");
            w.WriteDecimal(sum / samples);
            w.WriteNumber("closeTime", last >= 0 ? time.OfMicros(TradeTape.Trade(i, last).TimeMicros) : 0);
            w.WriteEndObject();
        });
    }

    private IResult Tickers(HttpRequest request, Action<Utf8JsonWriter, BinanceSymbol> fields)
    {
        if (BinanceParams.Selection(request.Query, out var selected, out var single) is { } error) return error;
        return Ok(w =>
        {
            if (!single) w.WriteStartArray();
            foreach (var s in selected)
            {
                w.WriteStartObject();
                fields(w, s);
                w.WriteEndObject();
            }

            if (!single) w.WriteEndArray();
        });
    }

    /// <summary>The 24 h rolling window ending now; a market in BREAK shows no activity, like the real one.</summary>
    private void Rolling24h(Utf8JsonWriter w, BinanceSymbol s, BinanceTime time, bool mini)
    {
        var i = s.Instrument;
        var now = clock.Now;
        var day = RollingDay.Of(i, now);
        w.WriteString("symbol", s.Symbol);
        if (!mini)
        {
            w.WriteFixed("priceChange", day.Change);
            w.WriteString("priceChangePercent", day.ChangePercent);
            w.WritePropertyName("weightedAvgPrice");
            w.WriteDecimal(day.WeightedAverage);
            w.WriteFixed("prevClosePrice", day.PrevClose);
        }

        if (mini) w.WriteFixed("openPrice", day.Open);
        if (mini) w.WriteFixed("highPrice", day.High);
        if (mini) w.WriteFixed("lowPrice", day.Low);
        w.WriteFixed("lastPrice", day.Last);
        if (!mini)
        {
            w.WriteFixed("lastQty", day.LastQuantity);
            var (bids, asks) = OrderBookModel.Build(i, now, 1);
            w.WriteFixed("bidPrice", bids.Count > 0 ? i.TicksToUnits(bids.Ticks[0]) : 0);
            w.WriteFixed("bidQty", bids.Count > 0 ? i.StepsToUnits(bids.Steps[0]) : 0);
            w.WriteFixed("askPrice", asks.Count > 0 ? i.TicksToUnits(asks.Ticks[0]) : 0);
            w.WriteFixed("askQty", asks.Count > 0 ? i.StepsToUnits(asks.Steps[0]) : 0);
            w.WriteFixed("openPrice", day.Open);
            w.WriteFixed("highPrice", day.High);
            w.WriteFixed("lowPrice", day.Low);
        }

        w.WriteFixed("volume", day.Volume);
        w.WritePropertyName("quoteVolume");
        w.WriteDecimal(day.Quote);
        w.WriteNumber("openTime", time.Of(day.From));
        w.WriteNumber("closeTime", time.Of(now));
        w.WriteNumber("firstId", day.FirstId);
        w.WriteNumber("lastId", day.LastId);
        w.WriteNumber("count", day.Count);
    }
}
