using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Fluxum.TestExchange.Binance.BinanceErrors;
using static Fluxum.TestExchange.Binance.Trading.TradingJson;

namespace Fluxum.TestExchange.Binance.Trading;

/// <summary>
/// Binance spot SIGNED endpoints: the signature, key and timestamp are checked as Binance checks them (-2015,
/// -1022, -1021), orders are validated against the symbol filters (-1013) and balances (-2010), then matched.
/// </summary>
internal sealed class BinanceTradingRoutes(BinanceAccounts venue, Func<DateTimeOffset> now)
{
    public void Map(WebApplication app)
    {
        app.MapPost("/api/v3/order", (HttpRequest r, HttpResponse w) => Signed(r, (a, q) => NewOrder(a, q, w, test: false)));
        app.MapPost("/api/v3/order/test", (HttpRequest r, HttpResponse w) => Signed(r, (a, q) => NewOrder(a, q, w, test: true)));
        app.MapPost("/api/v3/orderList/oco", (HttpRequest r, HttpResponse w) => Signed(r, (a, q) => NewOrderList(a, q, w, oco: true)));
        app.MapPost("/api/v3/orderList/oto", (HttpRequest r, HttpResponse w) => Signed(r, (a, q) => NewOrderList(a, q, w, oco: false)));
        app.MapGet("/api/v3/order", (HttpRequest r) => Signed(r, QueryOrder));
        app.MapGet("/api/v3/orderList", (HttpRequest r) => Signed(r, QueryOrderList));
        app.MapDelete("/api/v3/order", (HttpRequest r) => Signed(r, CancelOrder));
        app.MapGet("/api/v3/openOrders", (HttpRequest r) => Signed(r, OpenOrders));
        app.MapDelete("/api/v3/openOrders", (HttpRequest r) => Signed(r, CancelAll));
        app.MapGet("/api/v3/allOrders", (HttpRequest r) => Signed(r, AllOrders));
        app.MapGet("/api/v3/myTrades", (HttpRequest r) => Signed(r, MyTrades));
        app.MapGet("/api/v3/account", (HttpRequest r) => Signed(r, Account));
    }

    /// <summary>
    /// totalParams is the query string followed by the form body, with nothing between them (Binance's docs,
    /// "SIGNED endpoint security"); the signature, in either part, covers all of it but itself. Both parts are
    /// read as parameters, the query winning when a name is in both.
    /// </summary>
    private async Task<IResult> Signed(HttpRequest request, Func<BinanceAccount, Dictionary<string, string>, IResult> handler)
    {
        var account = venue.Account(request.Headers["X-MBX-APIKEY"].ToString());
        if (account is null) return Error(-2015, "Invalid API-key, IP, or permissions for action.", 401);

        var query = Pairs((request.QueryString.Value ?? "").TrimStart('?'));
        var body = new List<string>();
        if (request.HasFormContentType)
        {
            using var reader = new StreamReader(request.Body);
            body = Pairs(await reader.ReadToEndAsync());
        }

        var signatureIn = query.Any(IsSignature) ? query : body.Any(IsSignature) ? body : null;
        if (signatureIn is null) return Mandatory("signature");
        var signaturePair = signatureIn.Last(IsSignature);
        signatureIn.Remove(signaturePair);
        var payload = string.Join('&', query) + string.Join('&', body);
        var signature = Uri.UnescapeDataString(signaturePair["signature=".Length..]);
        if (!SignatureVerifier.Verify(account, payload, signature)) return Error(-1022, "Signature for this request is not valid.");

        var parameters = new Dictionary<string, string>();
        foreach (var pair in query.Concat(body).Select(p => p.Split('=', 2)))
        {
            parameters.TryAdd(Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair.ElementAtOrDefault(1) ?? ""));
        }

        if (!parameters.TryGetValue("timestamp", out var ts) || !long.TryParse(ts, out var timestamp)) return Mandatory("timestamp");
        var recvWindow = parameters.TryGetValue("recvWindow", out var rw) && decimal.TryParse(rw, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : 5000m;
        if (recvWindow > 60000) return Error(-1131, "recvWindow must be less than 60000");
        var serverTime = now().ToUnixTimeMilliseconds();
        if (timestamp >= serverTime + 1000) return Error(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        if (serverTime - timestamp > recvWindow) return Error(-1021, "Timestamp for this request is outside of the recvWindow.");
        return handler(account, parameters);

        static List<string> Pairs(string raw) => raw.Split('&', StringSplitOptions.RemoveEmptyEntries).ToList();
        static bool IsSignature(string pair) => pair.StartsWith("signature=", StringComparison.Ordinal);
    }

    private IResult NewOrder(BinanceAccount account, Dictionary<string, string> q, HttpResponse response, bool test)
    {
        if (!q.TryGetValue("symbol", out var symbol)) return Mandatory("symbol");
        if (BinanceMarkets.Find(symbol) is not { } m) return InvalidSymbol();
        var t = now();
        if (Prepare(account, m, q, "", t, out var order) is { } error) return error;
        if (test) return Ok(new JsonObject());

        Count(response, t);
        if (venue.Matching.Place(account, order!, t) is { } refusal) return Error(-2010, refusal);
        return Ok(Placed(account, order!, t));
    }

    /// <summary>OCO (above/below legs, one side and quantity) or OTO (working and pending legs, each with its own).</summary>
    private IResult NewOrderList(BinanceAccount account, Dictionary<string, string> q, HttpResponse response, bool oco)
    {
        if (!q.TryGetValue("symbol", out var symbol)) return Mandatory("symbol");
        if (BinanceMarkets.Find(symbol) is not { } m) return InvalidSymbol();
        var (a, b) = oco ? ("above", "below") : ("working", "pending");
        var t = now();
        var legs = new List<RestingOrder>();
        foreach (var prefix in new[] { a, b })
        {
            var leg = q.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(p => char.ToLowerInvariant(p.Key[prefix.Length]) + p.Key[(prefix.Length + 1)..], p => p.Value);
            if (leg.Remove("clientOrderId", out var cid)) leg["newClientOrderId"] = cid;
            if (leg.Remove("icebergQty", out var iceberg)) leg["icebergQty"] = iceberg;
            if (oco)
            {
                if (q.TryGetValue("side", out var side)) leg["side"] = side;
                if (q.TryGetValue("quantity", out var qty)) leg["quantity"] = qty;
            }

            if (Prepare(account, m, leg, prefix, t, out var order) is { } error) return error;
            legs.Add(order!);
        }

        var listClientId = q.GetValueOrDefault("listClientOrderId") ?? "list" + Guid.NewGuid().ToString("N")[..18];
        lock (account.Sync)
        {
            if (account.Orders.Any(o => o.ListClientOrderId == listClientId && o.IsOpen)) return Error(-2010, "Duplicate order sent.");
        }

        foreach (var leg in legs) leg.ListClientOrderId = listClientId;
        Count(response, t);
        if (venue.Matching.PlaceList(account, legs[0], legs[1], oco, t) is { } refusal) return Error(-2010, refusal);
        var reports = new JsonArray();
        foreach (var o in legs) reports.Add(Placed(account, o, t));

        var placed = ListJson(legs, t);
        placed["orderReports"] = reports;
        return Ok(placed);
    }

    /// <summary>Checks one order's fields and the symbol's filters; the order is built but not placed.</summary>
    private IResult? Prepare(BinanceAccount account, BinanceSymbol m, Dictionary<string, string> q, string prefix, DateTimeOffset t, out RestingOrder? order)
    {
        order = null;
        if (!q.TryGetValue("side", out var side) || side is not ("BUY" or "SELL")) return Mandatory(prefix.Length == 0 ? "side" : prefix + "Side");
        if (!q.TryGetValue("type", out var type)) return Mandatory(prefix.Length == 0 ? "type" : prefix + "Type");
        var price = Dec(q, "price");
        var stop = Dec(q, "stopPrice");
        var qty = Dec(q, "quantity");
        var quoteQty = Dec(q, "quoteOrderQty");
        q.TryGetValue("timeInForce", out var tif);
        var needsPrice = type is "LIMIT" or "STOP_LOSS_LIMIT" or "TAKE_PROFIT_LIMIT" or "LIMIT_MAKER";
        var needsStop = type.StartsWith("STOP_LOSS", StringComparison.Ordinal) || type.StartsWith("TAKE_PROFIT", StringComparison.Ordinal);
        if (type is not ("LIMIT" or "MARKET" or "STOP_LOSS" or "STOP_LOSS_LIMIT" or "TAKE_PROFIT" or "TAKE_PROFIT_LIMIT" or "LIMIT_MAKER"))
        {
            return Error(-1116, "Invalid orderType.");
        }

        if (needsPrice && price is null) return Mandatory(prefix + "price");
        if (needsStop && stop is null) return Mandatory(prefix + "stopPrice");
        if (type is "LIMIT" or "STOP_LOSS_LIMIT" or "TAKE_PROFIT_LIMIT" && tif is null) return Mandatory(prefix + "timeInForce");
        if (qty is null && (type != "MARKET" || quoteQty is null)) return Mandatory(prefix + "quantity");

        var i = m.Instrument;
        foreach (var p in new[] { price, stop })
        {
            if (p is { } v && (v < i.Tick || v % i.Tick != 0)) return Error(-1013, "Filter failure: PRICE_FILTER");
        }

        if (qty is { } qv && (qv < m.MinQty || qv > (type == "MARKET" ? m.MarketMaxQty : m.MaxQty) || qv % i.Step != 0)) return Error(-1013, "Filter failure: LOT_SIZE");
        var notional = quoteQty ?? qty!.Value * (price ?? stop ?? Liquidity.Last(i, t));
        if (notional < m.MinNotional) return Error(-1013, "Filter failure: NOTIONAL");

        var clientId = q.GetValueOrDefault("newClientOrderId") ?? "test" + Guid.NewGuid().ToString("N")[..18];
        lock (account.Sync)
        {
            if (account.Orders.Any(o => o.ClientOrderId == clientId && o.IsOpen)) return Error(-2010, "Duplicate order sent.");
        }

        order = new RestingOrder
        {
            OrderId = venue.Matching.NextOrderId(), ClientOrderId = clientId, Market = m, Side = side, Type = type, TimeInForce = needsPrice && type != "LIMIT_MAKER" ? tif : null,
            Price = price, StopPrice = stop, Quantity = qty ?? decimal.MaxValue / 4, QuoteOrderQty = quoteQty ?? 0m, Time = t, UpdateTime = t,
        };
        return null;
    }

    private void Count(HttpResponse response, DateTimeOffset t)
    {
        var counts = venue.OrderCounts.Count(t);
        response.Headers["X-MBX-ORDER-COUNT-10S"] = counts.TenSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-MBX-ORDER-COUNT-1D"] = counts.Day.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The FULL placement answer: the order and the fills it got on the way in.</summary>
    private static JsonObject Placed(BinanceAccount account, RestingOrder order, DateTimeOffset t)
    {
        var json = OrderJson(order, full: false);
        json["transactTime"] = t.ToUnixTimeMilliseconds();
        json["workingTime"] = t.ToUnixTimeMilliseconds();
        var fills = new JsonArray();
        lock (account.Sync)
        {
            foreach (var f in account.Fills.Where(f => f.OrderId == order.OrderId))
            {
                fills.Add(new JsonObject { ["price"] = D(f.Price), ["qty"] = D(f.Quantity), ["commission"] = D(f.Commission), ["commissionAsset"] = f.CommissionAsset, ["tradeId"] = f.Id });
            }
        }

        json["fills"] = fills;
        return json;
    }

    private (RestingOrder? Order, IResult? Error) Find(BinanceAccount account, Dictionary<string, string> q)
    {
        if (!q.TryGetValue("symbol", out var symbol)) return (null, Mandatory("symbol"));
        if (BinanceMarkets.Find(symbol) is not { } m) return (null, InvalidSymbol());
        venue.Matching.Sweep(m, now());
        RestingOrder? order;
        lock (account.Sync)
        {
            if (q.TryGetValue("orderId", out var id) && long.TryParse(id, out var orderId)) order = account.Orders.FirstOrDefault(o => o.OrderId == orderId && o.Market == m);
            else if (q.TryGetValue("origClientOrderId", out var cid)) order = account.Orders.LastOrDefault(o => o.ClientOrderId == cid && o.Market == m);
            else return (null, Error(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!"));
        }

        return order is null ? (null, Error(-2013, "Order does not exist.")) : (order, null);
    }

    private IResult QueryOrder(BinanceAccount account, Dictionary<string, string> q)
    {
        var (order, error) = Find(account, q);
        return error ?? Ok(OrderJson(order!, full: true));
    }

    /// <summary>
    /// GET /api/v3/orderList by orderListId or origClientOrderId (the listClientOrderId). Unknown lists are refused
    /// with -2011 "Order list does not exist." (clients seen in the wild report both -2011 and -2013 for it).
    /// </summary>
    private IResult QueryOrderList(BinanceAccount account, Dictionary<string, string> q)
    {
        List<RestingOrder> legs;
        lock (account.Sync)
        {
            if (q.TryGetValue("orderListId", out var id) && long.TryParse(id, out var listId)) legs = account.Orders.Where(o => o.ListId == listId).ToList();
            else if (q.TryGetValue("origClientOrderId", out var cid)) legs = account.Orders.Where(o => o.ListClientOrderId == cid).ToList();
            else return Error(-1102, "Param 'origClientOrderId' or 'orderListId' must be sent, but both were empty/null!");
        }

        if (legs.Count == 0) return Error(-2011, "Order list does not exist.");
        venue.Matching.Sweep(legs[0].Market, now());
        return Ok(ListJson(legs.OrderBy(o => o.OrderId).ToList(), legs[0].Time));
    }

    /// <summary>An order list as Binance describes it: its ids and states, and its members by id only.</summary>
    private static JsonObject ListJson(IReadOnlyList<RestingOrder> legs, DateTimeOffset t)
    {
        var members = new JsonArray();
        foreach (var o in legs) members.Add(new JsonObject { ["symbol"] = o.Market.Symbol, ["orderId"] = o.OrderId, ["clientOrderId"] = o.ClientOrderId });
        var done = legs.All(o => !o.IsOpen && o.Status != "PENDING_NEW");
        return new JsonObject
        {
            ["orderListId"] = legs[0].ListId, ["contingencyType"] = legs[0].Sibling is not null ? "OCO" : "OTO",
            ["listStatusType"] = done ? "ALL_DONE" : "EXEC_STARTED", ["listOrderStatus"] = done ? "ALL_DONE" : "EXECUTING",
            ["listClientOrderId"] = legs[0].ListClientOrderId, ["transactionTime"] = t.ToUnixTimeMilliseconds(), ["symbol"] = legs[0].Market.Symbol,
            ["orders"] = members,
        };
    }

    private IResult CancelOrder(BinanceAccount account, Dictionary<string, string> q)
    {
        var (order, error) = Find(account, q);
        if (error is not null) return Error(-2011, "Unknown order sent.");
        if (!order!.IsOpen) return Error(-2011, "Unknown order sent.");
        venue.Matching.Cancel(account, order, now());
        var json = OrderJson(order, full: false);
        json["origClientOrderId"] = order.ClientOrderId;
        json["clientOrderId"] = q.GetValueOrDefault("newClientOrderId") ?? "cancel" + order.OrderId;
        json["transactTime"] = now().ToUnixTimeMilliseconds();
        return Ok(json);
    }

    private IResult OpenOrders(BinanceAccount account, Dictionary<string, string> q)
    {
        BinanceSymbol? m = null;
        if (q.TryGetValue("symbol", out var symbol) && (m = BinanceMarkets.Find(symbol)) is null) return InvalidSymbol();
        foreach (var market in m is null ? BinanceMarkets.All : new[] { m }) venue.Matching.Sweep(market, now());
        var array = new JsonArray();
        lock (account.Sync)
        {
            foreach (var o in account.Orders.Where(o => o.IsOpen && (m is null || o.Market == m))) array.Add(OrderJson(o, full: true));
        }

        return Ok(array);
    }

    private IResult CancelAll(BinanceAccount account, Dictionary<string, string> q)
    {
        if (!q.TryGetValue("symbol", out var symbol)) return Mandatory("symbol");
        if (BinanceMarkets.Find(symbol) is not { } m) return InvalidSymbol();
        List<RestingOrder> open;
        lock (account.Sync) open = account.Orders.Where(o => o.IsOpen && o.Market == m).ToList();
        if (open.Count == 0) return Error(-2011, "Unknown order sent.");
        var array = new JsonArray();
        foreach (var o in open)
        {
            venue.Matching.Cancel(account, o, now());
            var json = OrderJson(o, full: false);
            json["origClientOrderId"] = o.ClientOrderId;
            json["clientOrderId"] = "cancelall" + o.OrderId;
            json["transactTime"] = now().ToUnixTimeMilliseconds();
            array.Add(json);
        }

        return Ok(array);
    }

    private IResult AllOrders(BinanceAccount account, Dictionary<string, string> q)
    {
        if (!q.TryGetValue("symbol", out var symbol)) return Mandatory("symbol");
        if (BinanceMarkets.Find(symbol) is not { } m) return InvalidSymbol();
        venue.Matching.Sweep(m, now());
        var window = HistoryWindow.From(q, "orderId");
        var array = new JsonArray();
        lock (account.Sync)
        {
            foreach (var o in window.Select(account.Orders.Where(o => o.Market == m), o => o.OrderId, o => o.Time)) array.Add(OrderJson(o, full: true));
        }

        return Ok(array);
    }

    private IResult MyTrades(BinanceAccount account, Dictionary<string, string> q)
    {
        if (!q.TryGetValue("symbol", out var symbol)) return Mandatory("symbol");
        if (BinanceMarkets.Find(symbol) is not { } m) return InvalidSymbol();
        venue.Matching.Sweep(m, now());
        var window = HistoryWindow.From(q, "fromId");
        var array = new JsonArray();
        lock (account.Sync)
        {
            foreach (var x in window.Select(account.Fills.Where(x => x.Market == m), x => x.Id, x => x.Time))
            {
                array.Add(new JsonObject
                {
                    ["symbol"] = m.Symbol, ["id"] = x.Id, ["orderId"] = x.OrderId, ["orderListId"] = -1, ["price"] = D(x.Price), ["qty"] = D(x.Quantity),
                    ["quoteQty"] = D(x.Price * x.Quantity), ["commission"] = D(x.Commission), ["commissionAsset"] = x.CommissionAsset,
                    ["time"] = x.Time.ToUnixTimeMilliseconds(), ["isBuyer"] = x.Side == "BUY", ["isMaker"] = x.IsMaker, ["isBestMatch"] = true,
                });
            }
        }

        return Ok(array);
    }

    private IResult Account(BinanceAccount account, Dictionary<string, string> q)
    {
        var balances = new JsonArray();
        lock (account.Sync)
        {
            foreach (var (asset, (free, locked)) in account.Balances.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                balances.Add(new JsonObject { ["asset"] = asset, ["free"] = D(free), ["locked"] = D(locked) });
            }
        }

        return Ok(new JsonObject
        {
            ["makerCommission"] = 10, ["takerCommission"] = 10, ["buyerCommission"] = 0, ["sellerCommission"] = 0,
            ["commissionRates"] = new JsonObject { ["maker"] = D(0.001m), ["taker"] = D(0.001m), ["buyer"] = D(0m), ["seller"] = D(0m) },
            ["canTrade"] = true, ["canWithdraw"] = false, ["canDeposit"] = true, ["brokered"] = false, ["requireSelfTradePrevention"] = false,
            ["preventSor"] = false, ["updateTime"] = now().ToUnixTimeMilliseconds(), ["accountType"] = "SPOT", ["balances"] = balances,
            ["permissions"] = new JsonArray("SPOT"), ["uid"] = Math.Abs(account.ApiKey.GetHashCode()),
        });
    }

    private static JsonObject OrderJson(RestingOrder o, bool full)
    {
        var json = new JsonObject
        {
            ["symbol"] = o.Market.Symbol, ["orderId"] = o.OrderId, ["orderListId"] = o.ListId ?? -1, ["clientOrderId"] = o.ClientOrderId,
            ["price"] = D(o.Price ?? 0m), ["origQty"] = D(o.QuoteOrderQty > 0 ? o.Executed : o.Quantity), ["executedQty"] = D(o.Executed),
            ["origQuoteOrderQty"] = D(o.QuoteOrderQty), ["cummulativeQuoteQty"] = D(o.CumulativeQuote), ["status"] = o.Status,
            ["timeInForce"] = o.TimeInForce ?? "GTC", ["type"] = o.Type, ["side"] = o.Side, ["selfTradePreventionMode"] = "NONE",
        };
        if (full)
        {
            json["stopPrice"] = D(o.StopPrice ?? 0m);
            json["icebergQty"] = D(0m);
            json["time"] = o.Time.ToUnixTimeMilliseconds();
            json["updateTime"] = o.UpdateTime.ToUnixTimeMilliseconds();
            json["isWorking"] = o.IsOpen;
            json["workingTime"] = o.Time.ToUnixTimeMilliseconds();
        }

        return json;
    }

    private static decimal? Dec(Dictionary<string, string> q, string name) =>
        q.TryGetValue(name, out var v) && decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
