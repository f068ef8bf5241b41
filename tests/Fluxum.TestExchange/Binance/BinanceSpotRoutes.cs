using System.Text.Json.Nodes;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Fluxum.TestExchange.Binance.BinanceJson;

namespace Fluxum.TestExchange.Binance;

/// <summary>Binance spot public REST (/api/v3) with the real paths, parameters, shapes and errors.</summary>
internal sealed class BinanceSpotRoutes(Func<DateTimeOffset> now, TestExchangeOptions options)
{
    public void Map(WebApplication app)
    {
        app.MapGet("/api/v3/ping", () => Ok(new JsonObject()));
        app.MapGet("/api/v3/time", () => Ok(new JsonObject { ["serverTime"] = now().ToUnixTimeMilliseconds() }));
        app.MapGet("/api/v3/exchangeInfo", (HttpRequest r) => ExchangeInfo(r.Query));
        app.MapGet("/api/v3/depth", (HttpRequest r) => Depth(r.Query));
        app.MapGet("/api/v3/trades", (HttpRequest r) => Trades(r.Query, history: false));
        app.MapGet("/api/v3/historicalTrades", (HttpRequest r) => Trades(r.Query, history: true));
        app.MapGet("/api/v3/aggTrades", (HttpRequest r) => AggTrades(r.Query));
        app.MapGet("/api/v3/klines", (HttpRequest r) => Klines(r.Query));
        app.MapGet("/api/v3/ticker/24hr", (HttpRequest r) => Tickers(r.Query, Ticker24h));
        app.MapGet("/api/v3/ticker/price", (HttpRequest r) => Tickers(r.Query, m => new JsonObject
        {
            ["symbol"] = m.Symbol, ["price"] = D(MarketModel.Price(m.Instrument, now())),
        }));
        app.MapGet("/api/v3/ticker/bookTicker", (HttpRequest r) => Tickers(r.Query, BookTicker));
    }

    private IResult ExchangeInfo(IQueryCollection q)
    {
        var (selected, error) = Selection(q);
        if (error is not null) return error;
        var symbols = new JsonArray();
        foreach (var m in selected ?? BinanceMarket.All.ToList()) symbols.Add(SymbolJson(m));
        return Ok(new JsonObject
        {
            ["timezone"] = "UTC",
            ["serverTime"] = now().ToUnixTimeMilliseconds(),
            ["rateLimits"] = new JsonArray
            {
                new JsonObject { ["rateLimitType"] = "REQUEST_WEIGHT", ["interval"] = "MINUTE", ["intervalNum"] = 1, ["limit"] = options.BinanceWeightLimitPerMinute },
                new JsonObject { ["rateLimitType"] = "ORDERS", ["interval"] = "SECOND", ["intervalNum"] = 10, ["limit"] = 100 },
                new JsonObject { ["rateLimitType"] = "ORDERS", ["interval"] = "DAY", ["intervalNum"] = 1, ["limit"] = 200000 },
                new JsonObject { ["rateLimitType"] = "RAW_REQUESTS", ["interval"] = "MINUTE", ["intervalNum"] = 5, ["limit"] = 61000 },
            },
            ["exchangeFilters"] = new JsonArray(),
            ["symbols"] = symbols,
        });
    }

    private static JsonObject SymbolJson(BinanceMarket m)
    {
        var i = m.Instrument;
        return new JsonObject
        {
            ["symbol"] = m.Symbol,
            ["status"] = m.Status,
            ["baseAsset"] = m.BaseAsset,
            ["baseAssetPrecision"] = 8,
            ["quoteAsset"] = m.QuoteAsset,
            ["quotePrecision"] = 8,
            ["quoteAssetPrecision"] = 8,
            ["baseCommissionPrecision"] = 8,
            ["quoteCommissionPrecision"] = 8,
            ["orderTypes"] = new JsonArray("LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"),
            ["icebergAllowed"] = true,
            ["ocoAllowed"] = true,
            ["otoAllowed"] = true,
            ["quoteOrderQtyMarketAllowed"] = true,
            ["allowTrailingStop"] = true,
            ["cancelReplaceAllowed"] = true,
            ["isSpotTradingAllowed"] = true,
            ["isMarginTradingAllowed"] = false,
            ["filters"] = new JsonArray
            {
                new JsonObject { ["filterType"] = "PRICE_FILTER", ["minPrice"] = D(i.Tick), ["maxPrice"] = D(1_000_000m), ["tickSize"] = D(i.Tick) },
                new JsonObject { ["filterType"] = "LOT_SIZE", ["minQty"] = D(m.MinQty), ["maxQty"] = D(m.MaxQty), ["stepSize"] = D(i.Step) },
                new JsonObject { ["filterType"] = "ICEBERG_PARTS", ["limit"] = 10 },
                new JsonObject { ["filterType"] = "MARKET_LOT_SIZE", ["minQty"] = D(0m), ["maxQty"] = D(m.MaxQty / 10), ["stepSize"] = D(0m) },
                new JsonObject { ["filterType"] = "TRAILING_DELTA", ["minTrailingAboveDelta"] = 10, ["maxTrailingAboveDelta"] = 2000, ["minTrailingBelowDelta"] = 10, ["maxTrailingBelowDelta"] = 2000 },
                new JsonObject { ["filterType"] = "PERCENT_PRICE_BY_SIDE", ["bidMultiplierUp"] = "5", ["bidMultiplierDown"] = "0.2", ["askMultiplierUp"] = "5", ["askMultiplierDown"] = "0.2", ["avgPriceMins"] = 5 },
                new JsonObject { ["filterType"] = "NOTIONAL", ["minNotional"] = D(m.MinNotional), ["applyMinToMarket"] = true, ["maxNotional"] = D(9000000m), ["applyMaxToMarket"] = false, ["avgPriceMins"] = 5 },
                new JsonObject { ["filterType"] = "MAX_NUM_ORDERS", ["maxNumOrders"] = 200 },
                new JsonObject { ["filterType"] = "MAX_NUM_ALGO_ORDERS", ["maxNumAlgoOrders"] = 5 },
            },
            ["permissions"] = new JsonArray(),
            ["permissionSets"] = new JsonArray(new JsonArray("SPOT")),
            ["defaultSelfTradePreventionMode"] = "EXPIRE_MAKER",
            ["allowedSelfTradePreventionModes"] = new JsonArray("EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"),
        };
    }

    private IResult Depth(IQueryCollection q)
    {
        if (!q.ContainsKey("symbol")) return Missing("symbol");
        if (BinanceMarket.Find(q["symbol"]) is not { } m) return InvalidSymbol();
        if (!TryInt(q, "limit", 100, out var limit) || limit < 1) return BadParameter("limit");
        var t = now();
        var (bids, asks) = MarketModel.Book(m.Instrument, t, Math.Min(limit, 5000));
        return Ok(new JsonObject
        {
            ["lastUpdateId"] = t.ToUnixTimeMilliseconds() / 10,
            ["bids"] = Levels(bids),
            ["asks"] = Levels(asks),
        });
    }

    private static JsonArray Levels(List<(decimal Price, decimal Qty)> levels)
    {
        var array = new JsonArray();
        foreach (var (p, qty) in levels) array.Add(new JsonArray(D(p), D(qty)));
        return array;
    }

    private IResult Trades(IQueryCollection q, bool history)
    {
        if (!q.ContainsKey("symbol")) return Missing("symbol");
        if (BinanceMarket.Find(q["symbol"]) is not { } m) return InvalidSymbol();
        if (!TryInt(q, "limit", 500, out var limit) || limit < 1) return BadParameter("limit");
        if (!TryLong(q, "fromId", out var fromId)) return BadParameter("fromId");
        limit = Math.Min(limit, 1000);
        var last = MarketModel.LastTradeId(m.Instrument, now());
        var first = history && fromId is { } f ? f : last - limit + 1;
        var array = new JsonArray();
        for (var id = Math.Max(0, first); id <= last && array.Count < limit; id++)
        {
            var t = MarketModel.Trade(m.Instrument, id);
            array.Add(new JsonObject
            {
                ["id"] = t.Id, ["price"] = D(t.Price), ["qty"] = D(t.Quantity), ["quoteQty"] = D(t.Price * t.Quantity),
                ["time"] = t.Time.ToUnixTimeMilliseconds(), ["isBuyerMaker"] = t.IsBuyerMaker, ["isBestMatch"] = true,
            });
        }

        return Ok(array);
    }

    /// <summary>One aggregate per trade on this tape, so a = f = l and ids run with time.</summary>
    private IResult AggTrades(IQueryCollection q)
    {
        if (!q.ContainsKey("symbol")) return Missing("symbol");
        if (BinanceMarket.Find(q["symbol"]) is not { } m) return InvalidSymbol();
        if (!TryInt(q, "limit", 500, out var limit) || limit < 1) return BadParameter("limit");
        if (!TryLong(q, "fromId", out var fromId) || !TryLong(q, "startTime", out var start) || !TryLong(q, "endTime", out var end))
        {
            return BadParameter("fromId");
        }

        if (start is { } s0 && end is { } e0 && e0 - s0 > 3_600_000)
        {
            return Error(-1127, "More than 1 hours between startTime and endTime.");
        }

        limit = Math.Min(limit, 1000);
        var i = m.Instrument;
        var last = MarketModel.LastTradeId(i, now());
        if (end is { } e) last = Math.Min(last, MarketModel.FirstTradeIdAtOrAfter(i, DateTimeOffset.FromUnixTimeMilliseconds(e + 1)) - 1);
        var first = fromId ?? (start is { } s ? MarketModel.FirstTradeIdAtOrAfter(i, DateTimeOffset.FromUnixTimeMilliseconds(s)) : last - limit + 1);
        var array = new JsonArray();
        for (var id = Math.Max(0, first); id <= last && array.Count < limit; id++)
        {
            var t = MarketModel.Trade(i, id);
            array.Add(new JsonObject
            {
                ["a"] = t.Id, ["p"] = D(t.Price), ["q"] = D(t.Quantity), ["f"] = t.Id, ["l"] = t.Id,
                ["T"] = t.Time.ToUnixTimeMilliseconds(), ["m"] = t.IsBuyerMaker, ["M"] = true,
            });
        }

        return Ok(array);
    }

    private IResult Klines(IQueryCollection q)
    {
        if (!q.ContainsKey("symbol")) return Missing("symbol");
        if (BinanceMarket.Find(q["symbol"]) is not { } m) return InvalidSymbol();
        if (!q.ContainsKey("interval")) return Missing("interval");
        if (!IntervalSpec.Binance.TryGetValue(q["interval"].ToString(), out var interval)) return Error(-1120, "Invalid interval.");
        if (!TryInt(q, "limit", 500, out var limit) || limit < 1) return BadParameter("limit");
        if (!TryLong(q, "startTime", out var start) || !TryLong(q, "endTime", out var end)) return BadParameter("startTime");
        limit = Math.Min(limit, 1000);

        var current = interval.Floor(now());
        var lastOpen = end is { } e ? Min(interval.Floor(DateTimeOffset.FromUnixTimeMilliseconds(e)), current) : current;
        var listed = interval.Ceiling(m.Instrument.Listed);
        var opens = new List<DateTimeOffset>();
        if (start is { } s)
        {
            for (var t = Max(interval.Ceiling(DateTimeOffset.FromUnixTimeMilliseconds(s)), listed); t <= lastOpen && opens.Count < limit; t = interval.Next(t))
            {
                opens.Add(t);
            }
        }
        else
        {
            for (var t = lastOpen; t >= listed && opens.Count < limit; t = interval.Previous(t)) opens.Add(t);
            opens.Reverse();
        }

        var rows = new JsonArray();
        foreach (var open in opens)
        {
            var c = MarketModel.Candle(m.Instrument, interval, open);
            rows.Add(new JsonArray(c.OpenTime.ToUnixTimeMilliseconds(), D(c.Open), D(c.High), D(c.Low), D(c.Close), D(c.Volume),
                c.CloseTime.ToUnixTimeMilliseconds(), D(c.QuoteVolume), c.Trades, D(c.Volume / 2), D(c.QuoteVolume / 2), "0"));
        }

        return Ok(rows);
    }

    private IResult Tickers(IQueryCollection q, Func<BinanceMarket, JsonObject> one)
    {
        var (selected, error) = Selection(q);
        if (error is not null) return error;
        if (selected is { Count: 1 } && q.ContainsKey("symbol")) return Ok(one(selected[0]));
        var array = new JsonArray();
        foreach (var m in selected ?? BinanceMarket.All.ToList()) array.Add(one(m));
        return Ok(array);
    }

    private JsonObject Ticker24h(BinanceMarket m)
    {
        var t = now();
        var i = m.Instrument;
        var open = MarketModel.Price(i, t.AddDays(-1));
        var last = MarketModel.Price(i, t);
        decimal high = Math.Max(open, last), low = Math.Min(open, last), volume = 0m;
        var hour = IntervalSpec.Binance["1h"];
        for (var h = hour.Floor(t.AddDays(-1)); h <= t; h = hour.Next(h))
        {
            var c = MarketModel.Candle(i, hour, h);
            high = Math.Max(high, c.High);
            low = Math.Min(low, c.Low);
            volume += c.Volume;
        }

        var (bids, asks) = MarketModel.Book(i, t, 1);
        var lastId = MarketModel.LastTradeId(i, t);
        var count = (long)(TimeSpan.FromDays(1) / MarketModel.TradeSpacing);
        var lastTrade = MarketModel.Trade(i, lastId);
        return new JsonObject
        {
            ["symbol"] = m.Symbol,
            ["priceChange"] = D(last - open),
            ["priceChangePercent"] = Math.Round((last - open) / open * 100m, 3).ToString("F3", System.Globalization.CultureInfo.InvariantCulture),
            ["weightedAvgPrice"] = D(Math.Round((high + low + last) / 3, 8)),
            ["prevClosePrice"] = D(open),
            ["lastPrice"] = D(last),
            ["lastQty"] = D(lastTrade.Quantity),
            ["bidPrice"] = D(bids[0].Price),
            ["bidQty"] = D(bids[0].Qty),
            ["askPrice"] = D(asks[0].Price),
            ["askQty"] = D(asks[0].Qty),
            ["openPrice"] = D(open),
            ["highPrice"] = D(high),
            ["lowPrice"] = D(low),
            ["volume"] = D(volume),
            ["quoteVolume"] = D(Math.Round(volume * (high + low) / 2, 8)),
            ["openTime"] = t.AddDays(-1).ToUnixTimeMilliseconds(),
            ["closeTime"] = t.ToUnixTimeMilliseconds(),
            ["firstId"] = lastId - count + 1,
            ["lastId"] = lastId,
            ["count"] = count,
        };
    }

    private JsonObject BookTicker(BinanceMarket m)
    {
        var (bids, asks) = MarketModel.Book(m.Instrument, now(), 1);
        return new JsonObject
        {
            ["symbol"] = m.Symbol, ["bidPrice"] = D(bids[0].Price), ["bidQty"] = D(bids[0].Qty), ["askPrice"] = D(asks[0].Price), ["askQty"] = D(asks[0].Qty),
        };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
