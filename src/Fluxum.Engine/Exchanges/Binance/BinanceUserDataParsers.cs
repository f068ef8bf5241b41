using System.Globalization;
using System.Text.Json;
using Fluxum.Engine.Json;
using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>User data stream events (executionReport, outboundAccountPosition) to the model's orders, fills and balances.</summary>
internal static class BinanceUserDataParsers
{
    private static readonly AnswerSource ExecutionReport = AnswerSource.Stream(ExchangeId.Binance, "executionReport event");
    private static readonly AnswerSource AccountPosition = AnswerSource.Stream(ExchangeId.Binance, "outboundAccountPosition event");

    /// <summary>The event itself, whether it came wrapped ({"subscriptionId":0,"event":{...}}) from the WebSocket API or bare.</summary>
    public static JsonElement Event(JsonElement frame) => frame.Find("event") is { ValueKind: JsonValueKind.Object } e ? e : frame;

    /// <summary>The order as it stands after this execution report.</summary>
    public static Order Order(JsonField report, SymbolInfo symbol) => report.From(ExecutionReport).Read(symbol, static (e, symbol) =>
    {
        var status = e.String("X");
        var listId = e.SignedLongOrNull("g");
        var cancelled = e.StringOrNull("C") is { Length: > 0 } original ? original : null;
        return new Order
        {
            Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol,
            OrderId = e.Long("i").ToString(CultureInfo.InvariantCulture),

            // A cancel's report carries the cancel request's id in c and the order's own in C.
            ClientOrderId = cancelled ?? e.String("c"),
            Side = BinanceTradingParsers.SideOf(e.Get("S")),
            Type = BinanceTradingParsers.TypeOf(e.Get("o")),
            TimeInForce = BinanceTradingParsers.TimeInForceOf(e.StringOrNull("f")),
            Status = BinanceTradingParsers.StatusOf(status),
            NativeStatus = status,
            Price = Positive(e.DecimalOrNull("p")),
            StopPrice = Positive(e.DecimalOrNull("P")),
            Quantity = Positive(e.DecimalOrNull("q")),
            QuoteQuantity = Positive(e.DecimalOrNull("Q")),
            ExecutedQuantity = e.Decimal("z"),
            CumulativeQuoteQuantity = e.Decimal("Z"),
            IcebergQuantity = Positive(e.DecimalOrNull("F")),
            OrderListId = listId is { } id && id != -1 ? id.ToString(CultureInfo.InvariantCulture) : null,
            CreatedTime = e.UnixMillisecondsOrNull("O"),
            UpdateTime = e.UnixMillisecondsOrNull("T") ?? e.UnixMillisecondsOrNull("E"),
        };
    });

    /// <summary>The fill an execution report of type TRADE describes; null for every other type.</summary>
    public static Fill? Fill(JsonField report, SymbolInfo symbol) => report.From(ExecutionReport).Read(symbol, static (e, symbol) =>
    {
        if (e.StringOrNull("x") != "TRADE") return null;
        var price = e.Decimal("L");
        var qty = e.Decimal("l");
        return new Fill
        {
            Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol,
            TradeId = BinanceIds.Text(e.Long("t")), OrderId = e.Long("i").ToString(CultureInfo.InvariantCulture),
            OrderListId = e.SignedLongOrNull("g") is { } l && l != -1 ? l.ToString(CultureInfo.InvariantCulture) : null,
            Side = BinanceTradingParsers.SideOf(e.Get("S")), Price = price, Quantity = qty,
            QuoteQuantity = e.DecimalOrNull("Y") ?? price * qty,

            // A fee may be a rebate, paid as a negative commission.
            Fee = e.SignedDecimal("n"), FeeAsset = e.StringOrNull("N") ?? "", Time = e.UnixMilliseconds("T"), IsMaker = e.Bool("m"),
        };
    });

    /// <summary>The balances an outboundAccountPosition event reports (only the assets that changed).</summary>
    public static IReadOnlyList<Balance> Balances(JsonField position, ExchangeId exchange) => position.From(AccountPosition).Read(exchange, static (e, exchange) =>
        e.Get("B").Items()
            .Select(b => new Balance { Exchange = exchange, Asset = b.String("a"), Free = b.Decimal("f"), Locked = b.Decimal("l") })
            .ToList());

    private static decimal? Positive(decimal? value) => value is > 0 ? value : null;
}
