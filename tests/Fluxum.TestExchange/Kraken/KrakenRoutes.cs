using System.Globalization;
using System.Text.Json.Nodes;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Kraken;

/// <summary>Kraken spot public REST (/0/public): HTTP 200 always, {"error":[...],"result":{...}}.</summary>
internal sealed class KrakenRoutes(Func<DateTimeOffset> now)
{
    /// <summary>Kraken serves only the latest 720 OHLC entries of an interval.</summary>
    private const int OhlcWindow = 720;

    public void Map(WebApplication app)
    {
        app.MapGet("/0/public/Time", () =>
        {
            var t = now();
            return Result(new JsonObject { ["unixtime"] = t.ToUnixTimeSeconds(), ["rfc1123"] = t.ToString("r", CultureInfo.InvariantCulture) });
        });
        app.MapGet("/0/public/SystemStatus", () =>
            Result(new JsonObject { ["status"] = "online", ["timestamp"] = now().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }));
        app.MapGet("/0/public/AssetPairs", (HttpRequest r) => AssetPairs(r.Query));
        app.MapGet("/0/public/Depth", (HttpRequest r) => Depth(r.Query));
        app.MapGet("/0/public/Ticker", (HttpRequest r) => Ticker(r.Query));
        app.MapGet("/0/public/Trades", (HttpRequest r) => Trades(r.Query));
        app.MapGet("/0/public/OHLC", (HttpRequest r) => Ohlc(r.Query));
    }

    private static IResult Result(JsonNode result) => Results.Json(new JsonObject { ["error"] = new JsonArray(), ["result"] = result });

    private static IResult Error(string error) => Results.Json(new JsonObject { ["error"] = new JsonArray(error) });

    private static IResult UnknownPair() => Error("EQuery:Unknown asset pair");

    private static IResult InvalidArguments() => Error("EGeneral:Invalid arguments");

    private static string D(decimal value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static (List<KrakenPair>? Pairs, IResult? Error) Selection(IQueryCollection q)
    {
        if (!q.TryGetValue("pair", out var raw) || string.IsNullOrEmpty(raw)) return (null, null);
        var list = new List<KrakenPair>();
        foreach (var name in raw.ToString().Split(','))
        {
            if (KrakenPair.Find(name.Trim()) is not { } p) return (null, UnknownPair());
            list.Add(p);
        }

        return (list, null);
    }

    private static (KrakenPair? Pair, IResult? Error) One(IQueryCollection q)
    {
        if (!q.TryGetValue("pair", out var raw) || string.IsNullOrEmpty(raw)) return (null, InvalidArguments());
        return KrakenPair.Find(raw.ToString()) is { } p ? (p, null) : (null, UnknownPair());
    }

    private IResult AssetPairs(IQueryCollection q)
    {
        var (selected, error) = Selection(q);
        if (error is not null) return error;
        var result = new JsonObject();
        foreach (var p in selected ?? KrakenPair.All.ToList())
        {
            var i = p.Instrument;
            result[p.Key] = new JsonObject
            {
                ["altname"] = p.AltName, ["wsname"] = p.WsName, ["aclass_base"] = "currency", ["base"] = p.Base,
                ["aclass_quote"] = "currency", ["quote"] = p.Quote, ["lot"] = "unit",
                ["cost_decimals"] = 5, ["pair_decimals"] = i.PriceDecimals, ["lot_decimals"] = i.QuantityDecimals, ["lot_multiplier"] = 1,
                ["leverage_buy"] = new JsonArray(2, 3), ["leverage_sell"] = new JsonArray(2, 3),
                ["fees"] = new JsonArray(new JsonArray(0, 0.4), new JsonArray(10000, 0.35)),
                ["fees_maker"] = new JsonArray(new JsonArray(0, 0.25), new JsonArray(10000, 0.2)),
                ["fee_volume_currency"] = "ZUSD", ["margin_call"] = 80, ["margin_stop"] = 40,
                ["ordermin"] = p.OrderMin.ToString(CultureInfo.InvariantCulture), ["costmin"] = p.CostMin.ToString(CultureInfo.InvariantCulture),
                ["tick_size"] = i.Tick.ToString(CultureInfo.InvariantCulture), ["status"] = "online",
            };
        }

        return Result(result);
    }

    private IResult Depth(IQueryCollection q)
    {
        var (p, error) = One(q);
        if (error is not null) return error;
        var count = 100;
        if (q.TryGetValue("count", out var raw) && (!int.TryParse(raw, out count) || count < 1 || count > 500)) return InvalidArguments();
        var t = now();
        var (bids, asks) = MarketModel.Book(p!.Instrument, t, count);
        JsonArray Levels(List<(decimal Price, decimal Qty)> levels)
        {
            var a = new JsonArray();
            foreach (var (price, qty) in levels) a.Add(new JsonArray(D(price, p.Instrument.PriceDecimals), D(qty, 8), t.ToUnixTimeSeconds()));
            return a;
        }

        return Result(new JsonObject { [p.Key] = new JsonObject { ["asks"] = Levels(asks), ["bids"] = Levels(bids) } });
    }

    private IResult Ticker(IQueryCollection q)
    {
        var (selected, error) = Selection(q);
        if (error is not null) return error;
        var t = now();
        var result = new JsonObject();
        foreach (var p in selected ?? KrakenPair.All.ToList())
        {
            var i = p.Instrument;
            int dp = i.PriceDecimals;
            var (bids, asks) = MarketModel.Book(i, t, 1);
            var last = MarketModel.Price(i, t);
            var todayOpen = MarketModel.Price(i, new DateTimeOffset(t.UtcDateTime.Date, TimeSpan.Zero));
            decimal high = last, low = last, volume = 0, notional = 0;
            var hour = IntervalSpec.Binance["1h"];
            for (var h = hour.Floor(t.AddDays(-1)); h <= t; h = hour.Next(h))
            {
                var c = MarketModel.Candle(i, hour, h);
                high = Math.Max(high, c.High);
                low = Math.Min(low, c.Low);
                volume += c.Volume;
                notional += c.QuoteVolume;
            }

            var vwap = volume > 0 ? notional / volume : last;
            var trades = (long)(TimeSpan.FromDays(1) / MarketModel.TradeSpacing);
            result[p.Key] = new JsonObject
            {
                ["a"] = new JsonArray(D(asks[0].Price, dp), "1", D(asks[0].Qty, 3)),
                ["b"] = new JsonArray(D(bids[0].Price, dp), "1", D(bids[0].Qty, 3)),
                ["c"] = new JsonArray(D(last, dp), D(MarketModel.Trade(i, MarketModel.LastTradeId(i, t)).Quantity, 8)),
                ["v"] = new JsonArray(D(volume / 2, 8), D(volume, 8)),
                ["p"] = new JsonArray(D(vwap, dp), D(vwap, dp)),
                ["t"] = new JsonArray(trades / 2, trades),
                ["l"] = new JsonArray(D(low, dp), D(low, dp)),
                ["h"] = new JsonArray(D(high, dp), D(high, dp)),
                ["o"] = D(todayOpen, dp),
            };
        }

        return Result(result);
    }

    /// <summary>since: seconds or nanoseconds (Kraken accepts both); trades strictly after it, oldest first.</summary>
    private IResult Trades(IQueryCollection q)
    {
        var (p, error) = One(q);
        if (error is not null) return error;
        var count = 1000;
        if (q.TryGetValue("count", out var rawCount) && (!int.TryParse(rawCount, out count) || count < 1)) return InvalidArguments();
        count = Math.Min(count, 1000);
        var i = p!.Instrument;
        var t = now();
        var lastId = MarketModel.LastTradeId(i, t);
        long firstId;
        if (q.TryGetValue("since", out var rawSince) && !string.IsNullOrEmpty(rawSince))
        {
            if (!decimal.TryParse(rawSince, NumberStyles.Float, CultureInfo.InvariantCulture, out var since)) return InvalidArguments();
            var seconds = since > 100_000_000_000m ? since / 1_000_000_000m : since;
            var sinceTime = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
            firstId = MarketModel.FirstTradeIdAtOrAfter(i, sinceTime);
            if (MarketModel.TradeTime(i, firstId) <= sinceTime) firstId++;
        }
        else
        {
            firstId = lastId - count + 1;
        }

        var rows = new JsonArray();
        long lastNs = 0;
        for (var id = Math.Max(0, firstId); id <= lastId && rows.Count < count; id++)
        {
            var trade = MarketModel.Trade(i, id);
            var ns = (trade.Time - DateTimeOffset.UnixEpoch).Ticks * 100;
            lastNs = ns;
            rows.Add(new JsonArray(D(trade.Price, i.PriceDecimals), D(trade.Quantity, 8),
                decimal.Round(ns / 1_000_000_000m, 4), trade.IsBuyerMaker ? "s" : "b", id % 7 == 0 ? "m" : "l", "", trade.Id));
        }

        return Result(new JsonObject { [p.Key] = rows, ["last"] = (lastNs == 0 ? (t - DateTimeOffset.UnixEpoch).Ticks * 100 : lastNs).ToString(CultureInfo.InvariantCulture) });
    }

    private IResult Ohlc(IQueryCollection q)
    {
        var (p, error) = One(q);
        if (error is not null) return error;
        var minutes = 1;
        if (q.TryGetValue("interval", out var rawInterval) && !int.TryParse(rawInterval, out minutes)) return InvalidArguments();
        if (!IntervalSpec.Kraken.TryGetValue(minutes, out var interval)) return InvalidArguments();
        long? since = null;
        if (q.TryGetValue("since", out var rawSince) && !string.IsNullOrEmpty(rawSince))
        {
            if (!long.TryParse(rawSince, out var s)) return InvalidArguments();
            since = s;
        }

        var current = interval.Floor(now());
        var first = current;
        for (int k = 1; k < OhlcWindow; k++) first = interval.Previous(first);
        var rows = new JsonArray();
        var i = p!.Instrument;
        for (var open = first; open <= current; open = interval.Next(open))
        {
            if (since is { } s && open.ToUnixTimeSeconds() <= s) continue;
            var c = MarketModel.Candle(i, interval, open);
            var vwap = c.Volume > 0 ? c.QuoteVolume / c.Volume : c.Close;
            rows.Add(new JsonArray(open.ToUnixTimeSeconds(), D(c.Open, i.PriceDecimals), D(c.High, i.PriceDecimals), D(c.Low, i.PriceDecimals),
                D(c.Close, i.PriceDecimals), D(vwap, i.PriceDecimals), D(c.Volume, 8), c.Trades));
        }

        return Result(new JsonObject { [p.Key] = rows, ["last"] = interval.Previous(current).ToUnixTimeSeconds() });
    }
}
