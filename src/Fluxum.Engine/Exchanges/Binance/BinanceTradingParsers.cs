using System.Globalization;
using Fluxum.Engine.Json;
using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>Binance spot account and order JSON to the model. Pure functions, tested against recorded responses.</summary>
internal static class BinanceTradingParsers
{
    public static OrderType TypeOf(string type) => TryTypeOf(type)
        ?? throw new InvalidFieldException("type", $"is \"{type}\", not an order type Fluxum knows", null);

    /// <summary>The order type of a wire field; one Fluxum does not know is an error naming the field.</summary>
    public static OrderType TypeOf(JsonField type) => TryTypeOf(type.String()) ?? throw type.Invalid($"is \"{type.String()}\", not an order type Fluxum knows");

    private static OrderType? TryTypeOf(string type) => type switch
    {
        "LIMIT" => OrderType.Limit,
        "MARKET" => OrderType.Market,
        "STOP_LOSS" => OrderType.StopLoss,
        "STOP_LOSS_LIMIT" => OrderType.StopLossLimit,
        "TAKE_PROFIT" => OrderType.TakeProfit,
        "TAKE_PROFIT_LIMIT" => OrderType.TakeProfitLimit,
        "LIMIT_MAKER" => OrderType.LimitMaker,
        _ => null,
    };

    public static string WireType(OrderType type) => type switch
    {
        OrderType.Limit => "LIMIT",
        OrderType.Market => "MARKET",
        OrderType.StopLoss => "STOP_LOSS",
        OrderType.StopLossLimit => "STOP_LOSS_LIMIT",
        OrderType.TakeProfit => "TAKE_PROFIT",
        OrderType.TakeProfitLimit => "TAKE_PROFIT_LIMIT",
        _ => "LIMIT_MAKER",
    };

    public static OrderStatus StatusOf(string status) => status switch
    {
        "NEW" => OrderStatus.New,
        "PENDING_NEW" => OrderStatus.PendingNew,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "PENDING_CANCEL" => OrderStatus.PendingCancel,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" => OrderStatus.Expired,
        "EXPIRED_IN_MATCH" => OrderStatus.ExpiredInMatch,
        _ => OrderStatus.Unknown,
    };

    public static TimeInForce? TimeInForceOf(string? timeInForce) => timeInForce switch
    {
        "GTC" => Fluxum.Trading.TimeInForce.Gtc,
        "IOC" => Fluxum.Trading.TimeInForce.Ioc,
        "FOK" => Fluxum.Trading.TimeInForce.Fok,
        _ => null,
    };

    public static TradeSide SideOf(string side) => side == "SELL" ? TradeSide.Sell : TradeSide.Buy;

    /// <summary>BUY or SELL; anything else is an error naming the field, never a guess.</summary>
    public static TradeSide SideOf(JsonField side) => side.String() switch
    {
        "BUY" => TradeSide.Buy,
        "SELL" => TradeSide.Sell,
        var other => throw side.Invalid($"is \"{other}\", not BUY or SELL"),
    };

    /// <summary>
    /// Any of Binance's order shapes: the placement answer (ACK/RESULT/FULL), a queried or open order, a cancelled
    /// one (whose clientOrderId is the cancel's and origClientOrderId the order's).
    /// </summary>
    public static Order Order(JsonField answer, SymbolInfo symbol)
    {
        var o = answer.From(Answer(symbol.Exchange));

        // Only the ACK answer to a placement has no status, and nothing executed yet; every other shape says how much was.
        var acknowledged = o.Find("status") is null;
        var status = o.StringOrNull("status") ?? "NEW";
        var listId = o.SignedLongOrNull("orderListId");
        return new Order
        {
            Exchange = symbol.Exchange,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            OrderId = o.Long("orderId").ToString(CultureInfo.InvariantCulture),
            ClientOrderId = o.StringOrNull("origClientOrderId") ?? o.String("clientOrderId"),
            Side = o.Find("side") is { } side ? SideOf(side) : TradeSide.Buy,
            Type = o.Find("type") is { } type ? TypeOf(type) : OrderType.Limit,
            TimeInForce = TimeInForceOf(o.StringOrNull("timeInForce")),
            Status = StatusOf(status),
            NativeStatus = status,
            Price = Positive(o.DecimalOrNull("price")),
            StopPrice = Positive(o.DecimalOrNull("stopPrice")),
            Quantity = Positive(o.DecimalOrNull("origQty")),
            QuoteQuantity = Positive(o.DecimalOrNull("origQuoteOrderQty")),
            ExecutedQuantity = acknowledged ? o.DecimalOrNull("executedQty") ?? 0m : o.Decimal("executedQty"),
            CumulativeQuoteQuantity = acknowledged ? o.DecimalOrNull("cummulativeQuoteQty") ?? 0m : o.Decimal("cummulativeQuoteQty"),
            IcebergQuantity = Positive(o.DecimalOrNull("icebergQty")),
            OrderListId = listId is { } id && id != -1 ? id.ToString(CultureInfo.InvariantCulture) : null,
            CreatedTime = o.UnixMillisecondsOrNull("time") ?? o.UnixMillisecondsOrNull("transactTime"),
            UpdateTime = o.UnixMillisecondsOrNull("updateTime") ?? o.UnixMillisecondsOrNull("transactTime") ?? WorkingTime(o),
        };
    }

    /// <summary>When the order started working; -1 for a pending order of a list that is not working yet.</summary>
    private static DateTimeOffset? WorkingTime(JsonField o) =>
        o.SignedLongOrNull("workingTime") is >= 0 ? o.UnixMillisecondsOrNull("workingTime") : null;

    /// <summary>The fills a FULL placement answer carries.</summary>
    public static IReadOnlyList<Fill> PlacementFills(JsonField answer, SymbolInfo symbol)
    {
        var o = answer.From(Answer(symbol.Exchange));
        if (o.Find("fills") is not { } fills) return Array.Empty<Fill>();
        var orderId = o.Long("orderId").ToString(CultureInfo.InvariantCulture);
        var side = SideOf(o.Get("side"));
        var time = o.UnixMillisecondsOrNull("transactTime") ?? WorkingTime(o) ?? DateTimeOffset.UtcNow;
        return fills.Items().Select(f =>
        {
            var price = f.Decimal("price");
            var qty = f.Decimal("qty");
            return new Fill
            {
                Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol,
                TradeId = BinanceIds.Text(f.Long("tradeId")), OrderId = orderId, Side = side, Price = price, Quantity = qty, QuoteQuantity = price * qty,
                Fee = f.SignedDecimal("commission"), FeeAsset = f.String("commissionAsset"), Time = time, IsMaker = false,
            };
        }).ToList();
    }

    public static Fill MyTrade(JsonField trade, SymbolInfo symbol)
    {
        var t = trade.From(Answer(symbol.Exchange));
        return new Fill
        {
            Exchange = symbol.Exchange,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            TradeId = BinanceIds.Text(t.Long("id")),
            OrderId = t.Long("orderId").ToString(CultureInfo.InvariantCulture),
            OrderListId = t.SignedLongOrNull("orderListId") is { } l && l != -1 ? l.ToString(CultureInfo.InvariantCulture) : null,
            Side = t.Bool("isBuyer") ? TradeSide.Buy : TradeSide.Sell,
            Price = t.Decimal("price"),
            Quantity = t.Decimal("qty"),
            QuoteQuantity = t.Decimal("quoteQty"),
            Fee = t.SignedDecimal("commission"),
            FeeAsset = t.String("commissionAsset"),
            Time = t.UnixMilliseconds("time"),
            IsMaker = t.Bool("isMaker"),
        };
    }

    /// <summary>The account's balances; one that cannot be read is left out and reported, the others are kept.</summary>
    public static RowSet<Balance> Balances(JsonField account, ExchangeId exchange) =>
        account.From(Answer(exchange)).Get("balances").Rows(b => new Balance { Exchange = exchange, Asset = b.String("asset"), Free = b.Decimal("free"), Locked = b.Decimal("locked") });

    public static AccountInfo Account(JsonField answer, ExchangeId exchange, string maskedKey, string source)
    {
        var a = answer.From(Answer(exchange));
        var rates = a.Find("commissionRates");
        var balances = Balances(a, exchange);

        // AssetsHeld would silently miscount a balance it could not read.
        if (balances.Errors.Count > 0) throw balances.Errors[0];
        return new AccountInfo
        {
            Exchange = exchange,
            AccountType = a.StringOrNull("accountType") ?? "",
            CanTrade = a.Bool("canTrade"),
            CanWithdraw = a.Bool("canWithdraw"),
            CanDeposit = a.Bool("canDeposit"),
            // commissionRates are fractions; the older makerCommission is in basis points. Either may be a rebate (below zero).
            MakerCommission = rates?.SignedDecimalOrNull("maker") ?? a.SignedDecimalOrNull("makerCommission") / 10_000m,
            TakerCommission = rates?.SignedDecimalOrNull("taker") ?? a.SignedDecimalOrNull("takerCommission") / 10_000m,
            Permissions = a.Find("permissions") is { } p ? string.Join(",", p.Items().Select(x => x.String())) : "",
            UpdateTime = a.UnixMillisecondsOrNull("updateTime"),
            AssetsHeld = balances.Count(b => b.Total != 0),
            ApiKey = maskedKey,
            CredentialSource = source,
        };
    }

    private static decimal? Positive(decimal? value) => value is > 0 ? value : null;

    /// <summary>Who sent an answer handed over without its request: at least the exchange is known.</summary>
    private static AnswerSource Answer(ExchangeId exchange) => new(exchange, "answer");
}
