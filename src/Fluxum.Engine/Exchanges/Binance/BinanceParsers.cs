using Fluxum.Engine.Json;
using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>
/// Binance spot wire JSON to the model. Pure functions, tested against recorded responses; every value is read
/// through <see cref="JsonField"/>, so one that cannot be right is an error naming its field.
/// </summary>
internal static class BinanceParsers
{
    public static DateTimeOffset ServerTime(JsonField root) => root.UnixMilliseconds("serverTime");

    /// <summary>The REQUEST_WEIGHT per minute limit from exchangeInfo's rateLimits, if listed.</summary>
    public static int? RequestWeightPerMinute(JsonField root)
    {
        if (root.Find("rateLimits") is not { } limits) return null;
        foreach (var l in limits.Items())
        {
            if (l.StringOrNull("rateLimitType") == "REQUEST_WEIGHT" && l.StringOrNull("interval") == "MINUTE")
            {
                var per = l.IntOrNull("intervalNum") ?? 1;
                return l.Int("limit") / Math.Max(per, 1);
            }
        }

        return null;
    }

    /// <summary>The ORDERS limits from exchangeInfo's rateLimits: per 10 seconds and per day, where listed.</summary>
    public static (int? TenSeconds, int? Day) OrderLimits(JsonField root)
    {
        int? ten = null, day = null;
        if (root.Find("rateLimits") is not { } limits) return (null, null);
        foreach (var l in limits.Items())
        {
            if (l.StringOrNull("rateLimitType") != "ORDERS") continue;
            var interval = l.StringOrNull("interval");
            var num = l.LongOrNull("intervalNum") ?? 1;
            if (interval == "SECOND" && num == 10) ten = l.Int("limit");
            if (interval == "DAY" && num == 1) day = l.Int("limit");
        }

        return (ten, day);
    }

    /// <summary>The symbols of exchangeInfo; one that cannot be read is left out and reported, the others are kept.</summary>
    public static RowSet<SymbolInfo> Symbols(JsonField root, ExchangeId exchange) => root.Get("symbols").Rows(s => Symbol(s, exchange));

    public static SymbolInfo Symbol(JsonField s, ExchangeId exchange)
    {
        decimal? tick = null, minPrice = null, maxPrice = null, step = null, minQty = null, maxQty = null;
        decimal? mStep = null, mMin = null, mMax = null, minNotional = null, maxNotional = null;
        decimal? bidUp = null, bidDown = null, askUp = null, askDown = null;
        int? avgMinutes = null;
        bool notionalToMarket = false;
        foreach (var f in s.Get("filters").Items())
        {
            switch (f.StringOrNull("filterType"))
            {
                case "PRICE_FILTER":
                    tick = Positive(f.DecimalOrNull("tickSize"));
                    minPrice = Positive(f.DecimalOrNull("minPrice"));
                    maxPrice = Positive(f.DecimalOrNull("maxPrice"));
                    break;
                case "LOT_SIZE":
                    step = Positive(f.DecimalOrNull("stepSize"));
                    minQty = Positive(f.DecimalOrNull("minQty"));
                    maxQty = Positive(f.DecimalOrNull("maxQty"));
                    break;
                case "MARKET_LOT_SIZE":
                    mStep = Positive(f.DecimalOrNull("stepSize"));
                    mMin = Positive(f.DecimalOrNull("minQty"));
                    mMax = Positive(f.DecimalOrNull("maxQty"));
                    break;
                case "MIN_NOTIONAL":
                    minNotional = Positive(f.DecimalOrNull("minNotional"));
                    notionalToMarket = f.Bool("applyToMarket");
                    avgMinutes ??= f.IntOrNull("avgPriceMins");
                    break;
                case "NOTIONAL":
                    minNotional = Positive(f.DecimalOrNull("minNotional"));
                    maxNotional = Positive(f.DecimalOrNull("maxNotional"));
                    notionalToMarket = f.Bool("applyMinToMarket");
                    avgMinutes ??= f.IntOrNull("avgPriceMins");
                    break;
                case "PERCENT_PRICE":
                    bidUp = askUp = f.DecimalOrNull("multiplierUp");
                    bidDown = askDown = f.DecimalOrNull("multiplierDown");
                    avgMinutes = f.IntOrNull("avgPriceMins") ?? avgMinutes;
                    break;
                case "PERCENT_PRICE_BY_SIDE":
                    bidUp = f.DecimalOrNull("bidMultiplierUp");
                    bidDown = f.DecimalOrNull("bidMultiplierDown");
                    askUp = f.DecimalOrNull("askMultiplierUp");
                    askDown = f.DecimalOrNull("askMultiplierDown");
                    avgMinutes = f.IntOrNull("avgPriceMins") ?? avgMinutes;
                    break;
            }
        }

        var native = s.String("symbol");
        var baseAsset = s.String("baseAsset");
        var quoteAsset = s.String("quoteAsset");
        var status = s.String("status");
        var orderTypes = s.Find("orderTypes") is { } types ? string.Join(",", types.Items().Select(t => t.String())) : "";
        return new SymbolInfo
        {
            Exchange = exchange,
            Symbol = AssetCodes.Unified(baseAsset, quoteAsset),
            NativeSymbol = native,
            BaseAsset = baseAsset,
            QuoteAsset = quoteAsset,
            Status = StatusOf(status),
            NativeStatus = status,
            TickSize = tick,
            MinPrice = minPrice,
            MaxPrice = maxPrice,
            LotStep = step,
            MinQuantity = minQty,
            MaxQuantity = maxQty,
            MarketLotStep = mStep,
            MarketMinQuantity = mMin,
            MarketMaxQuantity = mMax,
            MinNotional = minNotional,
            MaxNotional = maxNotional,
            MinNotionalAppliesToMarket = notionalToMarket,
            BidMultiplierUp = bidUp,
            BidMultiplierDown = bidDown,
            AskMultiplierUp = askUp,
            AskMultiplierDown = askDown,
            AveragePriceMinutes = avgMinutes,
            PricePrecision = tick is { } t ? JsonRead.Precision(t) : s.DecimalPlacesOrNull("quotePrecision") ?? 8,
            QuantityPrecision = step is { } st ? JsonRead.Precision(st) : s.DecimalPlacesOrNull("baseAssetPrecision") ?? 8,
            BaseAssetPrecision = s.DecimalPlacesOrNull("baseAssetPrecision") ?? 8,
            QuoteAssetPrecision = s.DecimalPlacesOrNull("quoteAssetPrecision") ?? s.DecimalPlacesOrNull("quotePrecision") ?? 8,
            OrderTypes = orderTypes,
            IsSpotTradingAllowed = s.Bool("isSpotTradingAllowed", fallback: true),
            IcebergAllowed = s.Bool("icebergAllowed"),
            OcoAllowed = s.Bool("ocoAllowed"),
            QuoteOrderQuantityMarketAllowed = s.Bool("quoteOrderQtyMarketAllowed"),
        };
    }

    public static SymbolStatus StatusOf(string status) => status switch
    {
        "TRADING" => SymbolStatus.Trading,
        "HALT" or "BREAK" or "END_OF_DAY" => SymbolStatus.Halted,
        "PRE_TRADING" or "AUCTION_MATCH" => SymbolStatus.PreTrading,
        "POST_TRADING" => SymbolStatus.PostTrading,
        _ => SymbolStatus.Unknown,
    };

    public static OrderBook Depth(JsonField root, SymbolInfo symbol, DateTimeOffset receivedAt)
    {
        // Futures books carry their own event time ("E"/"T"); spot's carries none, so the receipt time stands in.
        var time = root.UnixMillisecondsOrNull("T") ?? root.UnixMillisecondsOrNull("E") ?? receivedAt;
        return new OrderBook(symbol.Exchange, symbol.Symbol, symbol.NativeSymbol, root.Long("lastUpdateId"), time,
            Levels(root.Get("bids"), symbol, BookSide.Bid), Levels(root.Get("asks"), symbol, BookSide.Ask));
    }

    private static BookLevel[] Levels(JsonField array, SymbolInfo symbol, BookSide side)
    {
        var levels = new BookLevel[array.Length];
        int i = 0;
        foreach (var level in array.Items())
        {
            levels[i++] = new BookLevel(symbol.Exchange, symbol.Symbol, side, level.Decimal(0), level.Decimal(1));
        }

        return levels;
    }

    public static Ticker Ticker(JsonField t, SymbolInfo symbol) => new()
    {
        Exchange = symbol.Exchange,
        Symbol = symbol.Symbol,
        NativeSymbol = symbol.NativeSymbol,
        LastPrice = t.Decimal("lastPrice"),
        LastQuantity = t.DecimalOrNull("lastQty"),
        BidPrice = t.DecimalOrNull("bidPrice"),
        BidQuantity = t.DecimalOrNull("bidQty"),
        AskPrice = t.DecimalOrNull("askPrice"),
        AskQuantity = t.DecimalOrNull("askQty"),
        OpenPrice = t.DecimalOrNull("openPrice"),
        HighPrice = t.DecimalOrNull("highPrice"),
        LowPrice = t.DecimalOrNull("lowPrice"),
        PriceChange = t.SignedDecimalOrNull("priceChange"),
        PriceChangePercent = t.SignedDecimalOrNull("priceChangePercent"),
        WeightedAveragePrice = t.DecimalOrNull("weightedAvgPrice"),
        Volume = t.DecimalOrNull("volume"),
        QuoteVolume = t.DecimalOrNull("quoteVolume"),
        TradeCount = t.LongOrNull("count"),
        OpenTime = t.UnixMillisecondsOrNull("openTime"),
        CloseTime = t.UnixMillisecondsOrNull("closeTime"),
    };

    public static PriceTicker PriceTicker(JsonField t, SymbolInfo symbol) => new()
    {
        Exchange = symbol.Exchange,
        Symbol = symbol.Symbol,
        NativeSymbol = symbol.NativeSymbol,
        Price = t.Decimal("price"),
    };

    public static BookTicker BookTicker(JsonField t, SymbolInfo symbol) => new()
    {
        Exchange = symbol.Exchange,
        Symbol = symbol.Symbol,
        NativeSymbol = symbol.NativeSymbol,
        BidPrice = t.Decimal("bidPrice"),
        BidQuantity = t.Decimal("bidQty"),
        AskPrice = t.Decimal("askPrice"),
        AskQuantity = t.Decimal("askQty"),
    };

    public static Trade Trade(JsonField t, SymbolInfo symbol)
    {
        var price = t.Decimal("price");
        var qty = t.Decimal("qty");
        return new Trade
        {
            Exchange = symbol.Exchange,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            Id = BinanceIds.Text(t.Long("id")),
            Price = price,
            Quantity = qty,
            QuoteQuantity = t.DecimalOrNull("quoteQty") ?? price * qty,
            Time = t.UnixMilliseconds("time"),
            // The maker was the buyer, so the taker (who made the trade happen) sold.
            Side = t.Bool("isBuyerMaker") ? TradeSide.Sell : TradeSide.Buy,
        };
    }

    public static Trade AggregateTrade(JsonField t, SymbolInfo symbol)
    {
        var price = t.Decimal("p");
        var qty = t.Decimal("q");
        return new Trade
        {
            Exchange = symbol.Exchange,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            Id = BinanceIds.Text(t.Long("a")),
            Price = price,
            Quantity = qty,
            QuoteQuantity = price * qty,
            Time = t.UnixMilliseconds("T"),
            Side = t.Bool("m") ? TradeSide.Sell : TradeSide.Buy,
            IsAggregate = true,
            FirstTradeId = BinanceIds.Text(t.LongOrNull("f")),
            LastTradeId = BinanceIds.Text(t.LongOrNull("l")),
        };
    }

    /// <summary>A kline row: [openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBase, takerQuote, ignore].</summary>
    public static Candle Candle(JsonField row, SymbolInfo symbol, string interval, DateTimeOffset now)
    {
        var closeTime = row.UnixMilliseconds(6);
        return new Candle
        {
            Exchange = symbol.Exchange,
            Symbol = symbol.Symbol,
            NativeSymbol = symbol.NativeSymbol,
            Interval = interval,
            OpenTime = row.UnixMilliseconds(0),
            Open = row.Decimal(1),
            High = row.Decimal(2),
            Low = row.Decimal(3),
            Close = row.Decimal(4),
            Volume = row.Decimal(5),
            CloseTime = closeTime,
            QuoteVolume = row.Decimal(7),
            TradeCount = row.Long(8),
            TakerBuyVolume = row.Decimal(9),
            TakerBuyQuoteVolume = row.Decimal(10),
            IsClosed = closeTime < now,
        };
    }

    private static decimal? Positive(decimal? value) => value is > 0 ? value : null;
}
