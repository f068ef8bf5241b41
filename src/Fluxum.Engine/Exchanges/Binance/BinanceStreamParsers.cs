using System.Collections.Concurrent;
using System.Text.Json;
using Fluxum.Books;
using Fluxum.Engine.Json;
using Fluxum.Models;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>
/// Binance stream events (raw, or wrapped as {"stream":...,"data":...} on combined streams) to the model. A value
/// that cannot be right is an error naming the event type and the field ("Binance's depthUpdate event cannot be
/// right: b[3][0] ...").
/// </summary>
internal static class BinanceStreamParsers
{
    private static readonly AnswerSource DepthEvent = AnswerSource.Stream(ExchangeId.Binance, "depthUpdate event");
    private static readonly ConcurrentDictionary<(ExchangeId, string), AnswerSource> Events = new();

    /// <summary>The event itself, whether the frame came from a raw or a combined stream.</summary>
    public static JsonElement Payload(JsonElement frame) => frame.Find("data") is { ValueKind: JsonValueKind.Object } data ? data : frame;

    /// <summary>A depthUpdate: e, E, s, U, u (and pu on futures), b and a as [price, quantity] pairs; a quantity of 0 removes the level.</summary>
    public static DepthDiff DepthUpdate(JsonField update) => update.From(DepthEvent).Read(e =>
        new DepthDiff(e.String("s"), e.Long("U"), e.Long("u"), e.UnixMilliseconds("E"), Levels(e.Get("b")), Levels(e.Get("a")))
        {
            PreviousUpdateId = e.LongOrNull("pu"),
        });

    /// <summary>The event type ("trade", "kline"...); spot book tickers carry none and are "bookTicker".</summary>
    public static string EventType(JsonElement e) => e.StringOrNull("e") ?? (e.Find("u") is not null && e.Find("b") is not null ? "bookTicker" : "");

    public static Trade Trade(JsonField trade, SymbolInfo symbol) => Event(trade, symbol, "trade").Read(symbol, static (e, symbol) =>
    {
        var price = e.Decimal("p");
        var qty = e.Decimal("q");
        return new Trade
        {
            Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol,
            Id = BinanceIds.Text(e.Long("t")), Price = price, Quantity = qty, QuoteQuantity = price * qty, Time = e.UnixMilliseconds("T"),
            Side = e.Bool("m") ? TradeSide.Sell : TradeSide.Buy,
        };
    });

    /// <summary>The aggTrade event has the REST aggregate trade's fields (a, p, q, f, l, T, m): one parser serves both.</summary>
    public static Trade AggregateTrade(JsonField trade, SymbolInfo symbol) =>
        Event(trade, symbol, "aggTrade").Read(symbol, static (e, symbol) => BinanceParsers.AggregateTrade(e, symbol));

    /// <summary>A kline event's bar; x says whether it is closed.</summary>
    public static Candle Kline(JsonField kline, SymbolInfo symbol) => Event(kline, symbol, "kline").Read(symbol, static (e, symbol) =>
    {
        var k = e.Get("k");
        return new Candle
        {
            Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol, Interval = k.String("i"),
            OpenTime = k.UnixMilliseconds("t"), CloseTime = k.UnixMilliseconds("T"),
            Open = k.Decimal("o"), High = k.Decimal("h"), Low = k.Decimal("l"), Close = k.Decimal("c"),
            Volume = k.Decimal("v"), QuoteVolume = k.DecimalOrNull("q"), TradeCount = k.LongOrNull("n"),
            TakerBuyVolume = k.DecimalOrNull("V"), TakerBuyQuoteVolume = k.DecimalOrNull("Q"), IsClosed = k.Bool("x"),
        };
    });

    /// <summary>A 24hrTicker (full) or 24hrMiniTicker (prices and volumes only) event; only the change and its percentage may be below zero.</summary>
    public static Ticker Ticker(JsonField ticker, SymbolInfo symbol) => Event(ticker, symbol, "24h ticker").Read(symbol, static (e, symbol) => new Ticker
    {
        Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol,
        LastPrice = e.Decimal("c"), LastQuantity = e.DecimalOrNull("Q"),
        BidPrice = e.DecimalOrNull("b"), BidQuantity = e.DecimalOrNull("B"), AskPrice = e.DecimalOrNull("a"), AskQuantity = e.DecimalOrNull("A"),
        OpenPrice = e.DecimalOrNull("o"), HighPrice = e.DecimalOrNull("h"), LowPrice = e.DecimalOrNull("l"),
        PriceChange = e.SignedDecimalOrNull("p") ?? (e.Decimal("c") - e.Decimal("o")),
        PriceChangePercent = e.SignedDecimalOrNull("P"), WeightedAveragePrice = e.DecimalOrNull("w"),
        Volume = e.DecimalOrNull("v"), QuoteVolume = e.DecimalOrNull("q"), TradeCount = e.LongOrNull("n"),
        OpenTime = e.UnixMillisecondsOrNull("O"), CloseTime = e.UnixMillisecondsOrNull("C") ?? e.UnixMillisecondsOrNull("E"),
    });

    public static BookTicker BookTicker(JsonField ticker, SymbolInfo symbol) => Event(ticker, symbol, "bookTicker").Read(symbol, static (e, symbol) => new BookTicker
    {
        Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol,
        BidPrice = e.Decimal("b"), BidQuantity = e.Decimal("B"), AskPrice = e.Decimal("a"), AskQuantity = e.Decimal("A"),
    });

    private static JsonField Event(JsonField e, SymbolInfo symbol, string type) =>
        e.Source is null ? e.From(Events.GetOrAdd((symbol.Exchange, type), static k => AnswerSource.Stream(k.Item1, k.Item2 + " event"))) : e;

    private static (decimal, decimal)[] Levels(JsonField array)
    {
        var levels = new (decimal, decimal)[array.Length];
        int i = 0;
        foreach (var l in array.Items()) levels[i++] = (l.Decimal(0), l.Decimal(1));
        return levels;
    }
}
