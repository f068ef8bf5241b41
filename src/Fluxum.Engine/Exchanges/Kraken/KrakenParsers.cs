using System.Globalization;
using Fluxum.Engine.Json;
using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>
/// Kraken spot wire JSON ({"error":[],"result":{...}}) to the model. Pure functions, tested against recorded
/// responses; every value is read through <see cref="JsonField"/>, so one that cannot be right is an error naming
/// its field ("result.XXBTZUSD.bids[3][0]").
/// </summary>
internal static class KrakenParsers
{
    public static JsonField Result(JsonField root) => root.Get("result");

    public static DateTimeOffset ServerTime(JsonField root) => Result(root).UnixSeconds("unixtime");

    /// <summary>The pairs of AssetPairs; one that cannot be read is left out and reported, the others are kept.</summary>
    public static RowSet<SymbolInfo> Symbols(JsonField root) => JsonRows.Read(Result(root).Members(), pair => Symbol(pair.Name!, pair));

    public static SymbolInfo Symbol(string key, JsonField p)
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

        // Without them the tick and lot size would be guesses that orders get rounded to.
        var pairDecimals = p.DecimalPlaces("pair_decimals");
        var lotDecimals = p.DecimalPlaces("lot_decimals");
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
            QuoteAssetPrecision = p.DecimalPlacesOrNull("cost_decimals") ?? pairDecimals,
            IsSpotTradingAllowed = status is "online" or "post_only" or "limit_only",
            OrderTypes = "",
            AlternateNames = alternates,
        };
    }

    private static decimal Step(int decimals) => decimals <= 0 ? 1m : 1m / (decimal)Math.Pow(10, decimals);

    /// <summary>The single pair entry of a per-pair result ({"XXBTZUSD": ...}), skipping Kraken's "last" cursor.</summary>
    public static (string Key, JsonField Value) OnlyPair(JsonField result)
    {
        foreach (var p in result.Members())
        {
            if (p.Name != "last") return (p.Name!, p);
        }

        throw result.Invalid("holds no pair entry");
    }

    public static OrderBook Depth(JsonField root, SymbolInfo symbol, DateTimeOffset receivedAt)
    {
        var (_, book) = OnlyPair(Result(root));
        return new OrderBook(ExchangeId.Kraken, symbol.Symbol, symbol.NativeSymbol, 0, receivedAt,
            Levels(book.Get("bids"), symbol, BookSide.Bid), Levels(book.Get("asks"), symbol, BookSide.Ask));
    }

    private static BookLevel[] Levels(JsonField array, SymbolInfo symbol, BookSide side)
    {
        var levels = new BookLevel[array.Length];
        int i = 0;
        foreach (var l in array.Items())
        {
            levels[i++] = new BookLevel(ExchangeId.Kraken, symbol.Symbol, side, l.Decimal(0), l.Decimal(1));
        }

        return levels;
    }

    /// <summary>
    /// Kraken's ticker: a=[ask, wholeLotVolume, lotVolume], b=[bid, ...], c=[last, lotVolume], v/p/t/l/h=[today, last 24h],
    /// o=today's opening price. Volumes, highs and lows are the rolling 24 hours; the change is against today's open.
    /// </summary>
    public static Ticker Ticker(JsonField t, SymbolInfo symbol)
    {
        var last = t.Get("c").Decimal(0);
        var open = t.Find("o")?.Decimal();
        var volume = t.Get("v").Decimal(1);
        var vwap = t.Get("p").Decimal(1);
        return new Ticker
        {
            Exchange = ExchangeId.Kraken,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            LastPrice = last,
            LastQuantity = t.Get("c").Decimal(1),
            AskPrice = t.Get("a").Decimal(0),
            AskQuantity = t.Get("a").Decimal(2),
            BidPrice = t.Get("b").Decimal(0),
            BidQuantity = t.Get("b").Decimal(2),
            OpenPrice = open,
            HighPrice = t.Get("h").Decimal(1),
            LowPrice = t.Get("l").Decimal(1),
            PriceChange = open is { } o ? last - o : null,
            PriceChangePercent = open is { } o2 && o2 != 0 ? Math.Round((last - o2) / o2 * 100m, 4) : null,
            WeightedAveragePrice = vwap,
            Volume = volume,
            QuoteVolume = volume * vwap,
            TradeCount = t.Get("t").Long(1),
        };
    }

    public static PriceTicker PriceTicker(JsonField t, SymbolInfo symbol) => new()
    {
        Exchange = ExchangeId.Kraken,
        Symbol = symbol.Symbol,
        NativeSymbol = symbol.NativeSymbol,
        Price = t.Get("c").Decimal(0),
    };

    public static BookTicker BookTicker(JsonField t, SymbolInfo symbol) => new()
    {
        Exchange = ExchangeId.Kraken,
        Symbol = symbol.Symbol,
        NativeSymbol = symbol.NativeSymbol,
        BidPrice = t.Get("b").Decimal(0),
        BidQuantity = t.Get("b").Decimal(2),
        AskPrice = t.Get("a").Decimal(0),
        AskQuantity = t.Get("a").Decimal(2),
    };

    /// <summary>A trade row: [price, volume, time, "b"|"s", "m"|"l", misc, trade_id]; trade_id is absent in older answers.</summary>
    public static Trade Trade(JsonField row, SymbolInfo symbol)
    {
        var price = row.Decimal(0);
        var qty = row.Decimal(1);
        return new Trade
        {
            Exchange = ExchangeId.Kraken,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            Id = row.At(6) is { } id ? id.Long().ToString(CultureInfo.InvariantCulture) : "",
            Price = price,
            Quantity = qty,
            QuoteQuantity = price * qty,
            Time = row.UnixSeconds(2),
            Side = row.String(3) switch
            {
                "b" => TradeSide.Buy,
                "s" => TradeSide.Sell,
                var other => throw row[3].Invalid($"is \"{other}\", not b or s"),
            },
        };
    }

    /// <summary>An OHLC row: [time, open, high, low, close, vwap, volume, count].</summary>
    public static Candle Candle(JsonField row, SymbolInfo symbol, Fluxum.Market.CandleInterval interval, DateTimeOffset now)
    {
        var open = row.UnixSeconds(0);
        var next = interval.Next(open);
        var volume = row.Decimal(6);
        var vwap = row.Decimal(5);
        return new Candle
        {
            Exchange = ExchangeId.Kraken,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            Interval = interval.Code,
            OpenTime = open,
            CloseTime = next.AddMilliseconds(-1),
            Open = row.Decimal(1),
            High = row.Decimal(2),
            Low = row.Decimal(3),
            Close = row.Decimal(4),
            Vwap = vwap,
            Volume = volume,
            QuoteVolume = volume * vwap,
            TradeCount = row.Long(7),
            IsClosed = next <= now,
        };
    }
}
