using System.Text.Json;
using Fluxum.Engine.Json;
using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Engine.Adapters.Kraken;

/// <summary>Kraken spot wire JSON ({"error":[],"result":{...}}) to the model. Pure functions, tested against recorded responses.</summary>
internal static class KrakenParsers
{
    public static JsonElement Result(JsonElement root) => root.Get("result");

    public static DateTimeOffset ServerTime(JsonElement root) => DateTimeOffset.FromUnixTimeSeconds(Result(root).Long("unixtime"));

    public static IReadOnlyList<SymbolInfo> Symbols(JsonElement root)
    {
        var list = new List<SymbolInfo>();
        foreach (var pair in Result(root).EnumerateObject()) list.Add(Symbol(pair.Name, pair.Value));
        return list;
    }

    public static SymbolInfo Symbol(string key, JsonElement p)
    {
        var altname = p.StringOrNull("altname") ?? key;
        var wsname = p.StringOrNull("wsname");
        string baseAsset, quoteAsset;
        if (wsname?.Split('/') is [var b, var q])
        {
            baseAsset = AssetCodes.Common(b);
            quoteAsset = AssetCodes.Common(q);
        }
        else
        {
            baseAsset = AssetCodes.Common(p.String("base"));
            quoteAsset = AssetCodes.Common(p.String("quote"));
        }

        var pairDecimals = (int)(p.LongOrNull("pair_decimals") ?? 8);
        var lotDecimals = (int)(p.LongOrNull("lot_decimals") ?? 8);
        var tick = p.DecimalOrNull("tick_size") ?? Step(pairDecimals);
        var status = p.StringOrNull("status") ?? "online";
        var alternates = wsname is null ? key : key + "," + wsname;
        return new SymbolInfo
        {
            Exchange = ExchangeId.Kraken,
            Symbol = $"{baseAsset}/{quoteAsset}",
            NativeSymbol = altname,
            BaseAsset = baseAsset,
            QuoteAsset = quoteAsset,
            Status = status switch
            {
                "online" or "post_only" or "limit_only" or "reduce_only" => SymbolStatus.Trading,
                "cancel_only" => SymbolStatus.CancelOnly,
                "delisted" => SymbolStatus.Delisted,
                "maintenance" => SymbolStatus.Halted,
                _ => SymbolStatus.Unknown,
            },
            NativeStatus = status,
            TickSize = tick,
            LotStep = Step(lotDecimals),
            MinQuantity = p.DecimalOrNull("ordermin"),
            MinNotional = p.DecimalOrNull("costmin"),
            PricePrecision = JsonRead.Precision(tick),
            QuantityPrecision = lotDecimals,
            BaseAssetPrecision = lotDecimals,
            QuoteAssetPrecision = (int)(p.LongOrNull("cost_decimals") ?? pairDecimals),
            IsSpotTradingAllowed = status is "online" or "post_only" or "limit_only",
            OrderTypes = "",
            AlternateNames = alternates,
        };
    }

    private static decimal Step(int decimals) => decimals <= 0 ? 1m : 1m / (decimal)Math.Pow(10, decimals);

    /// <summary>The single pair entry of a per-pair result ({"XXBTZUSD": ...}), skipping Kraken's "last" cursor.</summary>
    public static (string Key, JsonElement Value) OnlyPair(JsonElement result)
    {
        foreach (var p in result.EnumerateObject())
        {
            if (p.Name != "last") return (p.Name, p.Value);
        }

        throw JsonRead.Bad("a pair entry in the result");
    }

    public static OrderBook Depth(JsonElement root, SymbolInfo symbol, DateTimeOffset receivedAt)
    {
        var (_, book) = OnlyPair(Result(root));
        return new OrderBook(ExchangeId.Kraken, symbol.Symbol, symbol.NativeSymbol, 0, receivedAt,
            Levels(book.Get("bids"), symbol, BookSide.Bid), Levels(book.Get("asks"), symbol, BookSide.Ask));
    }

    private static BookLevel[] Levels(JsonElement array, SymbolInfo symbol, BookSide side)
    {
        var levels = new BookLevel[array.GetArrayLength()];
        int i = 0;
        foreach (var l in array.EnumerateArray())
        {
            levels[i++] = new BookLevel(ExchangeId.Kraken, symbol.Symbol, side, l[0].Decimal(), l[1].Decimal());
        }

        return levels;
    }

    /// <summary>
    /// Kraken's ticker: a=[ask, wholeLotVolume, lotVolume], b=[bid, ...], c=[last, lotVolume], v/p/t/l/h=[today, last 24h],
    /// o=today's opening price. Volumes, highs and lows are the rolling 24 hours; the change is against today's open.
    /// </summary>
    public static Ticker Ticker(JsonElement t, SymbolInfo symbol)
    {
        var last = t.Get("c")[0].Decimal();
        var open = t.Find("o")?.Decimal();
        var volume = t.Get("v")[1].Decimal();
        var vwap = t.Get("p")[1].Decimal();
        return new Ticker
        {
            Exchange = ExchangeId.Kraken,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            LastPrice = last,
            LastQuantity = t.Get("c")[1].Decimal(),
            AskPrice = t.Get("a")[0].Decimal(),
            AskQuantity = t.Get("a")[2].Decimal(),
            BidPrice = t.Get("b")[0].Decimal(),
            BidQuantity = t.Get("b")[2].Decimal(),
            OpenPrice = open,
            HighPrice = t.Get("h")[1].Decimal(),
            LowPrice = t.Get("l")[1].Decimal(),
            PriceChange = open is { } o ? last - o : null,
            PriceChangePercent = open is { } o2 && o2 != 0 ? Math.Round((last - o2) / o2 * 100m, 4) : null,
            WeightedAveragePrice = vwap,
            Volume = volume,
            QuoteVolume = volume * vwap,
            TradeCount = t.Get("t")[1].Long(),
        };
    }

    public static PriceTicker PriceTicker(JsonElement t, SymbolInfo symbol) => new()
    {
        Exchange = ExchangeId.Kraken,
        Symbol = symbol.Symbol,
        NativeSymbol = symbol.NativeSymbol,
        Price = t.Get("c")[0].Decimal(),
    };

    public static BookTicker BookTicker(JsonElement t, SymbolInfo symbol) => new()
    {
        Exchange = ExchangeId.Kraken,
        Symbol = symbol.Symbol,
        NativeSymbol = symbol.NativeSymbol,
        BidPrice = t.Get("b")[0].Decimal(),
        BidQuantity = t.Get("b")[2].Decimal(),
        AskPrice = t.Get("a")[0].Decimal(),
        AskQuantity = t.Get("a")[2].Decimal(),
    };

    /// <summary>A trade row: [price, volume, time, "b"|"s", "m"|"l", misc, trade_id]; trade_id is absent in older answers.</summary>
    public static Trade Trade(JsonElement row, SymbolInfo symbol)
    {
        var price = row[0].Decimal();
        var qty = row[1].Decimal();
        return new Trade
        {
            Exchange = ExchangeId.Kraken,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            Id = row.GetArrayLength() > 6 ? row[6].Long() : 0,
            Price = price,
            Quantity = qty,
            QuoteQuantity = price * qty,
            Time = row[2].UnixSeconds(),
            Side = row[3].GetString() == "s" ? TradeSide.Sell : TradeSide.Buy,
        };
    }

    /// <summary>An OHLC row: [time, open, high, low, close, vwap, volume, count].</summary>
    public static Candle Candle(JsonElement row, SymbolInfo symbol, Fluxum.Market.CandleInterval interval, DateTimeOffset now)
    {
        var open = DateTimeOffset.FromUnixTimeSeconds(row[0].Long());
        var next = interval.Next(open);
        var volume = row[6].Decimal();
        var vwap = row[5].Decimal();
        return new Candle
        {
            Exchange = ExchangeId.Kraken,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            Interval = interval.Code,
            OpenTime = open,
            CloseTime = next.AddMilliseconds(-1),
            Open = row[1].Decimal(),
            High = row[2].Decimal(),
            Low = row[3].Decimal(),
            Close = row[4].Decimal(),
            Vwap = vwap,
            Volume = volume,
            QuoteVolume = volume * vwap,
            TradeCount = row[7].Long(),
            IsClosed = next <= now,
        };
    }
}
