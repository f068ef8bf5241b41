using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Fluxum.Credentials;
using Fluxum.Diagnostics;
using Fluxum.Engine.Json;
using Fluxum.Engine.Streams;
using Fluxum.Engine.Trading;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Trading;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>
/// A Binance spot account over the signed REST endpoints, and its events over the WebSocket API. Signs through the
/// connection's transport, so the weight budget, bans and clock offset are one per exchange address, while the
/// order counters are the account's own.
/// </summary>
internal sealed class BinanceSpotTrading : ITrading, IAccountStreams
{
    /// <summary>
    /// Binance's own word that a request's fate is unknown (errors.md): -1006, an unexpected answer from the message
    /// bus, and -1007, a timeout waiting for the backend, "execution status unknown".
    /// </summary>
    private static readonly HashSet<string> UnknownExecution = new(StringComparer.Ordinal) { "-1006", "-1007" };

    private readonly ExchangeConnection _connection;
    private readonly SymbolSource _symbols;
    private readonly RestTransport _rest;

    public BinanceSpotTrading(ExchangeConnection connection, ExchangeAccount account)
    {
        _connection = connection;
        _symbols = connection.Symbols;
        Credential = account.Credential;
        Authenticator = new BinanceAuthenticator(account.Credential, connection.Clock) { RecvWindow = account.RecvWindow };
        _rest = connection.SignedTransport(account, Authenticator);
    }

    public ExchangeId Exchange => _connection.Exchange;

    /// <summary>The exchange address this account trades on (its market data, clock and budgets).</summary>
    internal ExchangeConnection Connection => _connection;

    /// <summary>The signed transport: the connection's gate and clock with this account's own order counters.</summary>
    internal RestTransport Transport => _rest;
    public ExchangeCredential Credential { get; }
    internal BinanceAuthenticator Authenticator { get; }

    /// <summary>How long at least to keep looking for an order whose placement (or cancel) answer was lost.</summary>
    public TimeSpan LookupPatience { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a lost request's verdict waits: Binance refuses a request older than its recvWindow just before
    /// the matching engine, so one still unseen a recvWindow (and a second for clock error) after it was lost
    /// can no longer act. Sooner, "not placed" or "still open" could be overtaken by a request still in flight.
    /// </summary>
    private TimeSpan Patience => Max(LookupPatience, TimeSpan.FromMilliseconds(Authenticator.RecvWindow) + TimeSpan.FromSeconds(1));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public async Task WatchAsync(IStreamSink sink, CancellationToken ct)
    {
        var streamBase = _connection.StreamBase("api");
        var catalog = await _symbols.GetAsync(ct).ConfigureAwait(false);
        var protocol = new BinanceUserDataProtocol(Credential.ApiKey, Authenticator.Signer, () => _rest.Clock.Now,
            native => catalog.TryResolve(native, out var s) ? s : null, sink);
        await using var session = new StreamSession(ExchangeId.Binance, new Uri(streamBase, "ws-api/v3"), protocol,
            _connection.StreamSettings(BinanceSpotModule.StreamLifetime));
        await session.RunAsync(ct).ConfigureAwait(false);
    }

    public async Task<AccountInfo> GetAccountAsync(CancellationToken ct)
    {
        var request = BinanceSpotEndpoints.Account.Request();
        using var doc = await SendAsync(request, ct).ConfigureAwait(false);
        return BinanceTradingParsers.Account(_rest.Answer(request, doc), Exchange, Credential.MaskedApiKey, Credential.Source);
    }

    public async Task<RowSet<Balance>> GetBalancesAsync(CancellationToken ct)
    {
        var request = BinanceSpotEndpoints.Account.Request();
        using var doc = await SendAsync(request, ct).ConfigureAwait(false);
        return _rest.Answer(request, doc).Read(root => BinanceTradingParsers.Balances(root, Exchange));
    }

    public async Task<Order> PlaceOrderAsync(OrderRequest order, bool test, CancellationToken ct)
    {
        var info = await _symbols.ResolveAsync(order.Symbol, ct).ConfigureAwait(false);
        var clientId = order.ClientOrderId ?? NewClientOrderId();
        var request = (test ? BinanceSpotEndpoints.TestOrder : BinanceSpotEndpoints.NewOrder).Request()
            .Add("symbol", info.NativeSymbol)
            .Add("side", Wire(order.Side))
            .Add("type", BinanceTradingParsers.WireType(order.Type))
            .Add("timeInForce", OrderTypes.TakesTimeInForce(order.Type) ? (order.TimeInForce ?? TimeInForce.Gtc).ToString().ToUpperInvariant() : null)
            .Add("quantity", order.Quantity)
            .Add("quoteOrderQty", order.QuoteQuantity)
            .Add("price", order.Price)
            .Add("stopPrice", order.StopPrice)
            .Add("icebergQty", order.IcebergQuantity)
            .Add("newClientOrderId", clientId)
            .Add("newOrderRespType", test ? null : "FULL");
        try
        {
            using var doc = await SendAsync(request, ct).ConfigureAwait(false);
            if (test)
            {
                return new Order
                {
                    Exchange = Exchange, Symbol = info.Symbol, NativeSymbol = info.NativeSymbol, ClientOrderId = clientId,
                    Side = order.Side, Type = order.Type, TimeInForce = order.TimeInForce, Status = OrderStatus.New, NativeStatus = "TEST",
                    Price = order.Price, StopPrice = order.StopPrice, Quantity = order.Quantity, QuoteQuantity = order.QuoteQuantity,
                    IcebergQuantity = order.IcebergQuantity, CreatedTime = _rest.Clock.Now, IsTest = true,
                };
            }

            return BinanceTradingParsers.Order(_rest.Answer(request, doc), info);
        }
        catch (FxException lost) when (!test && IsLost(lost))
        {
            return await RecoverOrderAsync(info, clientId, lost, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The exchange may have acted on the request, but its answer is lost (the transport's verdict, or Binance's own).</summary>
    private static bool IsLost(FxException e) => AnswerLost.Is(e) || e is ExchangeErrorException x && UnknownExecution.Contains(x.Code);

    /// <summary>
    /// OCO (orderList/oco: an above and a below leg) or OTO (orderList/oto: a working and a pending order).
    /// Every leg gets a client order id; the answer's orderReports become the returned orders.
    /// </summary>
    public async Task<RowSet<Order>> PlaceOrderListAsync(OrderListRequest list, CancellationToken ct)
    {
        var info = await _symbols.ResolveAsync(list.Symbol, ct).ConfigureAwait(false);
        var listClientId = list.ListClientOrderId ?? NewClientOrderId();
        var request = (list.Kind == OrderListKind.Oco ? BinanceSpotEndpoints.NewOco : BinanceSpotEndpoints.NewOto).Request()
            .Add("symbol", info.NativeSymbol)
            .Add("listClientOrderId", listClientId)
            .Add("newOrderRespType", "FULL");
        var (first, second) = list.Kind == OrderListKind.Oco ? ("above", "below") : ("working", "pending");
        if (list.Kind == OrderListKind.Oco)
        {
            request.Add("side", Wire(list.First.Side)).Add("quantity", list.First.Quantity);
        }

        Leg(request, first, list.First, withSideAndQuantity: list.Kind == OrderListKind.Oto);
        Leg(request, second, list.Second, withSideAndQuantity: list.Kind == OrderListKind.Oto);
        JsonDocument doc;
        try
        {
            doc = await SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (FxException lost) when (IsLost(lost))
        {
            return new RowSet<Order>(await RecoverListAsync(info, listClientId, lost, ct).ConfigureAwait(false));
        }

        using (doc) return await OrdersAsync(_rest.Answer(request, doc), ct).ConfigureAwait(false);
    }

    private static void Leg(RestRequest request, string prefix, OrderRequest leg, bool withSideAndQuantity)
    {
        request.Add(prefix + "Type", BinanceTradingParsers.WireType(leg.Type))
            .Add(prefix + "ClientOrderId", leg.ClientOrderId ?? NewClientOrderId())
            .Add(prefix + "Price", leg.Price)
            .Add(prefix + "StopPrice", leg.StopPrice)
            .Add(prefix + "IcebergQty", leg.IcebergQuantity)
            .Add(prefix + "TimeInForce", OrderTypes.TakesTimeInForce(leg.Type) ? (leg.TimeInForce ?? TimeInForce.Gtc).ToString().ToUpperInvariant() : null);
        if (withSideAndQuantity) request.Add(prefix + "Side", Wire(leg.Side)).Add(prefix + "Quantity", leg.Quantity);
    }

    private static string Wire(TradeSide side) => side == TradeSide.Buy ? "BUY" : "SELL";

    /// <summary>
    /// The placement answer was lost, so the exchange may hold the order. Ask for it by client id; never send it
    /// again from here: a resend could double the position (a filled order's client id no longer blocks one).
    /// </summary>
    private async Task<Order> RecoverOrderAsync(SymbolInfo info, string clientId, FxException lost, CancellationToken ct)
    {
        var what = $"order '{clientId}'";
        FxLog.Verbose($"{Exchange}: the answer to placing {what} was lost ({lost.Message}); looking it up by its client order id before anything else.");
        var outcome = await LostAnswerLookup.RunAsync(async c =>
        {
            try
            {
                return await GetOrderAsync(new OrderReference(info.NativeSymbol, null, clientId), c).ConfigureAwait(false);
            }
            catch (ExchangeErrorException e) when (e.Code == "-2013")
            {
                return null;
            }
        }, _ => true, Patience, ct).ConfigureAwait(false);

        if (outcome.Failure is { } failure)
        {
            throw LostAnswerErrors.OutcomeUnknown(Exchange, what, lost, failure, $"Get-FxOrder -Symbol {info.NativeSymbol} -ClientOrderId {clientId}");
        }

        if (outcome.Found is not { } found) throw LostAnswerErrors.NotPlaced(Exchange, what, lost);
        FxLog.Verbose($"{Exchange}: {what} was placed (order id {found.OrderId}, {found.Status}); it was not sent again.");
        return found;
    }

    /// <summary>
    /// The answer to placing an order list was lost: find the list by its listClientOrderId (GET orderList), then
    /// each member order by id. Never sent again.
    /// </summary>
    private async Task<IReadOnlyList<Order>> RecoverListAsync(SymbolInfo info, string listClientId, FxException lost, CancellationToken ct)
    {
        var what = $"order list '{listClientId}'";
        FxLog.Verbose($"{Exchange}: the answer to placing {what} was lost ({lost.Message}); looking it up by its list client order id before anything else.");
        var outcome = await LostAnswerLookup.RunAsync(async c =>
        {
            List<string> members;
            try
            {
                using var doc = await SendAsync(BinanceSpotEndpoints.QueryOrderList.Request().Add("origClientOrderId", listClientId), c).ConfigureAwait(false);
                members = doc.RootElement.Get("orders").EnumerateArray().Select(o => o.Long("orderId").ToString(CultureInfo.InvariantCulture)).ToList();
            }
            catch (ExchangeErrorException e) when (e.Code is "-2011" or "-2013")
            {
                // Both codes are reported in the wild for "Order list does not exist."
                return null;
            }

            var orders = new List<Order>();
            foreach (var id in members) orders.Add(await GetOrderAsync(new OrderReference(info.NativeSymbol, id, null), c).ConfigureAwait(false));
            return orders;
        }, _ => true, Patience, ct).ConfigureAwait(false);

        if (outcome.Failure is { } failure)
        {
            throw LostAnswerErrors.OutcomeUnknown(Exchange, what, lost, failure, $"Get-FxOrder -Open -Symbol {info.NativeSymbol} (its orders carry OrderListId) or Binance's GET /api/v3/orderList?origClientOrderId={listClientId}");
        }

        if (outcome.Found is not { } found) throw LostAnswerErrors.NotPlaced(Exchange, what, lost);
        FxLog.Verbose($"{Exchange}: {what} was placed (orders {string.Join(", ", found.Select(o => o.OrderId))}); it was not sent again.");
        return found;
    }

    public async Task<Order> GetOrderAsync(OrderReference reference, CancellationToken ct)
    {
        var info = await _symbols.ResolveAsync(reference.Symbol, ct).ConfigureAwait(false);
        var request = WithReference(BinanceSpotEndpoints.QueryOrder.Request(), info, reference);
        using var doc = await SendAsync(request, ct).ConfigureAwait(false);
        return BinanceTradingParsers.Order(_rest.Answer(request, doc), info);
    }

    public async Task<RowSet<Order>> GetOpenOrdersAsync(string? symbol, CancellationToken ct)
    {
        var info = symbol is null ? null : await _symbols.ResolveAsync(symbol, ct).ConfigureAwait(false);
        var request = BinanceSpotEndpoints.OpenOrders.Request(info is null ? 0 : 1).Add("symbol", info?.NativeSymbol);
        using var doc = await SendAsync(request, ct).ConfigureAwait(false);
        return await OrdersAsync(_rest.Answer(request, doc), ct).ConfigureAwait(false);
    }

    public Task<HistoryPage<Order>> GetOrderHistoryAsync(HistoryQuery query, CancellationToken ct) =>
        HistoryAsync(query, BinanceSpotEndpoints.AllOrders, "orderId", BinanceTradingParsers.Order, o => o.OrderId, ct);

    public async Task<Order> CancelOrderAsync(OrderReference reference, CancellationToken ct)
    {
        var info = await _symbols.ResolveAsync(reference.Symbol, ct).ConfigureAwait(false);
        var request = WithReference(BinanceSpotEndpoints.CancelOrder.Request(), info, reference);
        JsonDocument doc;
        try
        {
            doc = await SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (FxException lost) when (IsLost(lost))
        {
            var what = reference.ToString();
            FxLog.Verbose($"{Exchange}: the answer to cancelling {what} was lost ({lost.Message}); looking the order up before anything else.");
            var outcome = await LostAnswerLookup.RunAsync(async c =>
            {
                try
                {
                    return await GetOrderAsync(reference with { Symbol = info.NativeSymbol }, c).ConfigureAwait(false);
                }
                catch (ExchangeErrorException e) when (e.Code == "-2013")
                {
                    return null;
                }
            }, o => !o.IsOpen, Patience, ct).ConfigureAwait(false);
            if (outcome.Failure is { } failure) throw LostAnswerErrors.CancelOutcomeUnknown(Exchange, what, lost, failure, LookUpCommand(info, reference));
            return Cancelled(outcome.Found ?? throw new ExchangeErrorException(Exchange, "-2013", "Order does not exist.", 400, FxErrorKind.ObjectNotFound, BinanceSpotModule.Family), what, lost);
        }

        using (doc) return BinanceTradingParsers.Order(_rest.Answer(request, doc), info);
    }

    /// <summary>
    /// Cancels every open order of the symbol. The open orders are listed first: when the cancel's answer is lost,
    /// they are what is looked up to tell which were cancelled.
    /// </summary>
    public async Task<RowSet<Order>> CancelAllAsync(string symbol, CancellationToken ct)
    {
        var info = await _symbols.ResolveAsync(symbol, ct).ConfigureAwait(false);
        var open = await GetOpenOrdersAsync(info.NativeSymbol, ct).ConfigureAwait(false);
        var request = BinanceSpotEndpoints.CancelOpenOrders.Request().Add("symbol", info.NativeSymbol);
        JsonDocument doc;
        try
        {
            doc = await SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (FxException lost) when (IsLost(lost))
        {
            return open.WithItems(await RecoverCancelAllAsync(info, open, lost, ct).ConfigureAwait(false));
        }
        catch (ExchangeErrorException none) when (none.Code == "-2011")
        {
            // Binance's "Unknown order sent." to a cancel-all means nothing of the symbol was open (any listed just now
            // has ended since): a kill switch run twice succeeds with nothing the second time.
            FxLog.Verbose($"{Exchange}: no open {info.NativeSymbol} order to cancel ({none.ExchangeMessage}).");
            return open.WithItems(Array.Empty<Order>());
        }

        using (doc) return await OrdersAsync(_rest.Answer(request, doc), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer to cancel-all was lost: look up every order that was open just before, until none is open (or
    /// patience ends). Never sent again.
    /// </summary>
    private async Task<IReadOnlyList<Order>> RecoverCancelAllAsync(SymbolInfo info, IReadOnlyList<Order> open, FxException lost, CancellationToken ct)
    {
        var what = $"every open {info.NativeSymbol} order ({open.Count})";
        FxLog.Verbose($"{Exchange}: the answer to cancelling {what} was lost ({lost.Message}); looking those orders up before anything else.");
        var ids = open.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
        var outcome = await LostAnswerLookup.RunAsync<IReadOnlyList<Order>>(async c =>
        {
            if (ids.Count == 0) return Array.Empty<Order>();
            var query = new HistoryQuery(info.NativeSymbol) { FromId = ids.MinBy(id => long.Parse(id, CultureInfo.InvariantCulture)), Limit = 1000 };
            var now = new List<Order>();
            while (true)
            {
                var page = await GetOrderHistoryAsync(query, c).ConfigureAwait(false);
                now.AddRange(page.Rows.Where(o => ids.Contains(o.OrderId)));
                if (page.Rows.Rows < 1000 || now.Count == ids.Count || page.NextCursor is null) return now;
                query = query with { Cursor = page.NextCursor };
            }
        }, orders => orders.All(o => !o.IsOpen), Patience, ct).ConfigureAwait(false);

        if (outcome.Failure is { } failure)
        {
            throw LostAnswerErrors.CancelOutcomeUnknown(Exchange, what, lost, failure, $"Get-FxOrder -Open -Symbol {info.NativeSymbol}");
        }

        var found = outcome.Found ?? Array.Empty<Order>();
        var stillOpen = found.Where(o => o.IsOpen).ToList();
        if (stillOpen.Count > 0)
        {
            throw LostAnswerErrors.StillOpen(Exchange, what, $"{stillOpen.Count} of them open ({string.Join(", ", stillOpen.Select(o => o.OrderId))})", lost);
        }

        var cancelled = found.Where(o => o.Status == OrderStatus.Canceled).ToList();
        FxLog.Verbose($"{Exchange}: {cancelled.Count} of {what} are cancelled{(cancelled.Count < found.Count ? $", {found.Count - cancelled.Count} ended otherwise first" : "")}; the cancel was not sent again.");
        return cancelled;
    }

    /// <summary>What a lost cancel's looked-up order says: cancelled (the result), still open, or ended otherwise.</summary>
    private Order Cancelled(Order order, string what, FxException lost)
    {
        if (order.Status == OrderStatus.Canceled)
        {
            FxLog.Verbose($"{Exchange}: {what} is cancelled; the cancel was not sent again.");
            return order;
        }

        if (order.IsOpen) throw LostAnswerErrors.StillOpen(Exchange, what, $"it open ({order.Status})", lost);
        throw LostAnswerErrors.NotCancelled(Exchange, what, $"it {order.Status}", lost);
    }

    private static string LookUpCommand(SymbolInfo info, OrderReference reference) =>
        reference.OrderId is { } id ? $"Get-FxOrder -Symbol {info.NativeSymbol} -OrderId {id}" : $"Get-FxOrder -Symbol {info.NativeSymbol} -ClientOrderId {reference.ClientOrderId}";

    public Task<HistoryPage<Fill>> GetFillsAsync(HistoryQuery query, CancellationToken ct) =>
        HistoryAsync(query, BinanceSpotEndpoints.MyTrades, "fromId", BinanceTradingParsers.MyTrade, f => f.TradeId, ct);

    /// <summary>
    /// One page of account history; Binance takes either an id to start from or a time range, not both. The next
    /// page starts at the id after the last row read (ids rise, and the id parameter is inclusive).
    /// </summary>
    private async Task<HistoryPage<T>> HistoryAsync<T>(HistoryQuery query, Endpoint endpoint, string idParameter,
        Func<JsonField, SymbolInfo, T> parse, Func<T, string> id, CancellationToken ct) where T : class
    {
        var from = BinanceIds.Start(query.Cursor, query.FromId, Exchange);
        var info = await _symbols.ResolveAsync(query.Symbol, ct).ConfigureAwait(false);
        var request = endpoint.Request()
            .Add("symbol", info.NativeSymbol)
            .Add(idParameter, from)
            .Add("startTime", from is null ? query.StartTime?.ToUnixTimeMilliseconds() : null)
            .Add("endTime", from is null ? query.EndTime?.ToUnixTimeMilliseconds() : null)
            .Add("limit", Math.Clamp(query.Limit, 1, 1000));
        using var doc = await SendAsync(request, ct).ConfigureAwait(false);
        var rows = _rest.Answer(request, doc).Read(root => root.Rows(item => parse(item, info)));
        return new HistoryPage<T>(rows, BinanceIds.After(rows.Count == 0 ? null : id(rows[^1])));
    }

    /// <summary>
    /// The orders of a list answer (open orders, cancelled ones) or of one order list's answer; order lists
    /// (OCO/OTO) contribute their member orders. An order that cannot be read, or is for a symbol the exchange does
    /// not list, is left out and reported by its place and field; the others are returned. Never skipped silently:
    /// an empty result must mean "no orders", not "orders Fluxum could not read".
    /// </summary>
    private async Task<RowSet<Order>> OrdersAsync(JsonField answer, CancellationToken ct)
    {
        var rows = (answer.IsList ? answer.Items() : (IEnumerable<JsonField>)new[] { answer }).SelectMany(MembersOf).ToList();

        // A symbol listed since the catalog was read is looked for once more before its orders count as unreadable.
        var catalog = await _symbols.GetAsync(ct).ConfigureAwait(false);
        var unknown = rows.Select(r => r.Element.ValueKind == JsonValueKind.Object && r.Element.TryGetProperty("symbol", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null)
            .OfType<string>().FirstOrDefault(s => !catalog.TryResolve(s, out _));
        if (unknown is not null)
        {
            try
            {
                await _symbols.ResolveAsync(unknown, ct).ConfigureAwait(false);
            }
            catch (FxException e) when (e.Kind == FxErrorKind.ObjectNotFound)
            {
                // Reported below, per order.
            }

            catalog = await _symbols.GetAsync(ct).ConfigureAwait(false);
        }

        return JsonRows.Read(rows, o =>
        {
            var symbol = o.Get("symbol");
            return catalog.TryResolve(symbol.String(), out var info)
                ? BinanceTradingParsers.Order(o, info)
                : throw symbol.Invalid($"is \"{symbol.String()}\", a symbol {Exchange} does not list");
        });
    }

    /// <summary>An order list's orders are its orderReports; any other item is an order itself.</summary>
    private static IEnumerable<JsonField> MembersOf(JsonField item) =>
        item.IsObject && item.Element.TryGetProperty("orderReports", out var reports) && reports.ValueKind == JsonValueKind.Array
            ? item.Get("orderReports").Items()
            : (IEnumerable<JsonField>)new[] { item };

    /// <summary>Sends a signed request; a -1021 (timestamp outside recvWindow) resyncs the clock once and tries again.</summary>
    private async Task<JsonDocument> SendAsync(RestRequest request, CancellationToken ct)
    {
        try
        {
            return await _rest.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (ExchangeErrorException e) when (e.Code == "-1021")
        {
            var before = _rest.Clock.Offset;
            var time = await _connection.Market.GetServerTimeAsync(ct).ConfigureAwait(false);
            FxLog.Verbose($"{Exchange} refused the request's timestamp (-1021); the clock offset was {before.TotalMilliseconds:0} ms and is now {time.OffsetMilliseconds:0} ms. Trying once more.");
            try
            {
                return await _rest.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (ExchangeErrorException again) when (again.Code == "-1021")
            {
                throw new FxException("Fluxum.ClockSkew", FxErrorKind.InvalidOperation,
                    $"{Exchange} refused the request's timestamp twice, even after measuring the clock offset ({time.OffsetMilliseconds:0} ms): {again.ExchangeMessage}",
                    Exchange, again)
                {
                    RecommendedAction = "Check the machine's time synchronisation, or allow more time with -RecvWindow.",
                };
            }
        }
    }

    private static RestRequest WithReference(RestRequest request, SymbolInfo info, OrderReference reference) =>
        request.Add("symbol", info.NativeSymbol)
            .Add("orderId", reference.OrderId)
            .Add("origClientOrderId", reference.OrderId is null ? reference.ClientOrderId : null);

    /// <summary>A client order id unique enough to find the order by: "fx" and 22 random base62 characters.</summary>
    public static string NewClientOrderId()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        Span<char> id = stackalloc char[24];
        id[0] = 'f';
        id[1] = 'x';
        for (int i = 2; i < id.Length; i++) id[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(id);
    }
}
