using System.Text.Json;
using Fluxum.Books;
using Fluxum.Engine.Json;
using Fluxum.Models;

namespace Fluxum.Engine.Adapters.Binance;

/// <summary>Binance stream events (raw, or wrapped as {"stream":...,"data":...} on combined streams) to the model.</summary>
internal static class BinanceStreamParsers
{
    /// <summary>The event itself, whether the frame came from a raw or a combined stream.</summary>
    public static JsonElement Payload(JsonElement frame) => frame.Find("data") is { ValueKind: JsonValueKind.Object } data ? data : frame;

    /// <summary>A depthUpdate: e, E, s, U, u (and pu on futures), b and a as [price, quantity] pairs.</summary>
    public static DepthDiff DepthUpdate(JsonElement e) => new(
        e.String("s"), e.Long("U"), e.Long("u"), e.UnixMilliseconds("E"), Levels(e.Get("b")), Levels(e.Get("a")))
    {
        PreviousUpdateId = e.LongOrNull("pu"),
    };

    /// <summary>The event type ("trade", "kline"...); spot book tickers carry none and are "bookTicker".</summary>
    public static string EventType(JsonElement e) => e.StringOrNull("e") ?? (e.Find("u") is not null && e.Find("b") is not null ? "bookTicker" : "");

    public static Trade Trade(JsonElement e, SymbolInfo symbol)
    {
        var price = e.Decimal("p");
        var qty = e.Decimal("q");
        return new Trade
        {
            Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol,
            Id = e.Long("t"), Price = price, Quantity = qty, QuoteQuantity = price * qty, Time = e.UnixMilliseconds("T"),
            Side = e.Bool("m") ? TradeSide.Sell : TradeSide.Buy,
        };
    }

    /// <summary>The aggTrade event has the REST aggregate trade's fields (a, p, q, f, l, T, m): one parser serves both.</summary>
    public static Trade AggregateTrade(JsonElement e, SymbolInfo symbol) => BinanceParsers.AggregateTrade(e, symbol);

    /// <summary>A kline event's bar; x says whether it is closed.</summary>
    public static Candle Kline(JsonElement e, SymbolInfo symbol)
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
    }

    /// <summary>A 24hrTicker (full) or 24hrMiniTicker (prices and volumes only) event.</summary>
    public static Ticker Ticker(JsonElement e, SymbolInfo symbol) => new()
    {
        Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol,
        LastPrice = e.Decimal("c"), LastQuantity = e.DecimalOrNull("Q"),
        BidPrice = e.DecimalOrNull("b"), BidQuantity = e.DecimalOrNull("B"), AskPrice = e.DecimalOrNull("a"), AskQuantity = e.DecimalOrNull("A"),
        OpenPrice = e.DecimalOrNull("o"), HighPrice = e.DecimalOrNull("h"), LowPrice = e.DecimalOrNull("l"),
        PriceChange = e.DecimalOrNull("p") ?? (e.Decimal("c") - e.Decimal("o")),
        PriceChangePercent = e.DecimalOrNull("P"), WeightedAveragePrice = e.DecimalOrNull("w"),
        Volume = e.DecimalOrNull("v"), QuoteVolume = e.DecimalOrNull("q"), TradeCount = e.LongOrNull("n"),
        OpenTime = e.Find("O")?.UnixMilliseconds(), CloseTime = e.Find("C")?.UnixMilliseconds() ?? e.Find("E")?.UnixMilliseconds(),
    };

    public static BookTicker BookTicker(JsonElement e, SymbolInfo symbol) => new()
    {
        Exchange = symbol.Exchange, Symbol = symbol.Symbol, NativeSymbol = symbol.NativeSymbol,
        BidPrice = e.Decimal("b"), BidQuantity = e.Decimal("B"), AskPrice = e.Decimal("a"), AskQuantity = e.Decimal("A"),
    };

    private static (decimal, decimal)[] Levels(JsonElement array)
    {
        var levels = new (decimal, decimal)[array.GetArrayLength()];
        int i = 0;
        foreach (var l in array.EnumerateArray()) levels[i++] = (l[0].Decimal(), l[1].Decimal());
        return levels;
    }
}
