using System.Globalization;
using System.Text.Json;
using Fluxum.Engine.Json;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>
/// Kraken spot WebSocket v2 frames ({"channel":...,"type":...,"data":[...]} and {"method":...,"req_id":...})
/// to the model. Pure functions over one parsed frame. A frame of the right channel but a value that cannot be
/// right is an InvalidResult error naming the channel and the field ("Kraken's v2 book frame cannot be right:
/// data[0].bids[0].price ..."); a frame of a channel or method not known here is classified as Unknown, never
/// thrown. Symbols are v2 names ("BTC/USD"); entries whose symbol the lookup does not know (nothing this
/// connection asked for) are skipped.
/// </summary>
internal static class KrakenStreamParsers
{
    private static readonly AnswerSource AnyFrame = Frame("");
    private static readonly AnswerSource StatusFrame = Frame("status");
    private static readonly AnswerSource BookFrame = Frame("book");
    private static readonly AnswerSource TradeFrame = Frame("trade");
    private static readonly AnswerSource OhlcFrame = Frame("ohlc");
    private static readonly AnswerSource TickerFrame = Frame("ticker");

    public static KrakenStreamFrame Classify(JsonField message)
    {
        if (message.Kind != JsonValueKind.Object) return new KrakenStreamFrame(KrakenFrameKind.Unknown);
        return message.From(AnyFrame).Read(frame =>
        {
            if (frame.StringOrNull("channel") is { } channel)
            {
                var kind = channel switch
                {
                    "book" => KrakenFrameKind.Book,
                    "trade" => KrakenFrameKind.Trade,
                    "ticker" => KrakenFrameKind.Ticker,
                    "ohlc" => KrakenFrameKind.Ohlc,
                    "heartbeat" => KrakenFrameKind.Heartbeat,
                    "status" => KrakenFrameKind.Status,
                    _ => KrakenFrameKind.Unknown,
                };
                return new KrakenStreamFrame(kind, channel, IsSnapshot: frame.StringOrNull("type") == "snapshot");
            }

            if (frame.StringOrNull("method") is not { } method) return new KrakenStreamFrame(KrakenFrameKind.Unknown);
            var answer = new KrakenStreamFrame(
                method switch
                {
                    "subscribe" => KrakenFrameKind.Subscribed,
                    "unsubscribe" => KrakenFrameKind.Unsubscribed,
                    "pong" => KrakenFrameKind.Pong,
                    _ => KrakenFrameKind.MethodResult,
                },
                Method: method,
                RequestId: frame.LongOrNull("req_id"),

                // A pong carries no success flag: it answering at all is the success.
                Success: frame.Bool("success", fallback: method == "pong"),
                Error: frame.StringOrNull("error"));
            var result = frame.Find("result");
            return answer with
            {
                Channel = result?.StringOrNull("channel"),
                Symbol = result?.StringOrNull("symbol") ?? frame.StringOrNull("symbol"),
            };
        });
    }

    public static KrakenStreamStatus Status(JsonField message) => message.From(StatusFrame).Read(frame =>
    {
        var d = Entries(frame).FirstOrDefault();
        if (d.Kind == JsonValueKind.Undefined) throw frame.Get("data").Invalid("holds no entry");
        ulong? id = d.Find("connection_id") is { } n
            ? n.Kind == JsonValueKind.Number && n.Element.TryGetUInt64(out var u) ? u : throw n.Invalid($"is {JsonField.Shown(n.Element)}, not a connection id")
            : null;
        return new KrakenStreamStatus(d.String("system"), d.StringOrNull("api_version"), d.StringOrNull("version"), id);
    });

    /// <summary>Book snapshots and updates, one event per symbol; decimals keep their wire scale for the checksum; a quantity of 0 removes a level.</summary>
    public static IReadOnlyList<KrakenBookEvent> Books(JsonField message) => message.From(BookFrame).Read(frame =>
    {
        var snapshot = frame.String("type") == "snapshot";
        var list = new List<KrakenBookEvent>();
        foreach (var d in Entries(frame))
        {
            list.Add(new KrakenBookEvent(d.String("symbol"), snapshot, Levels(d.Find("bids")), Levels(d.Find("asks")),
                d.UInt32("checksum"), d.Find("timestamp") is { } t ? Rfc3339(t) : default));
        }

        return list;
    });

    public static IReadOnlyList<Trade> Trades(JsonField message, Func<string, SymbolInfo?> lookup) => message.From(TradeFrame).Read(lookup, static (frame, lookup) =>
    {
        var list = new List<Trade>();
        foreach (var d in Entries(frame))
        {
            if (lookup(d.String("symbol")) is not { } s) continue;
            var price = d.Decimal("price");
            var qty = d.Decimal("qty");
            list.Add(new Trade
            {
                Exchange = s.Exchange, Symbol = s.Symbol, NativeSymbol = s.NativeSymbol,
                Id = d.Long("trade_id").ToString(CultureInfo.InvariantCulture), Price = price, Quantity = qty, QuoteQuantity = price * qty, Time = Rfc3339(d.Get("timestamp")),
                Side = d.String("side") switch
                {
                    "buy" => TradeSide.Buy,
                    "sell" => TradeSide.Sell,
                    var other => throw d.Get("side").Invalid($"is \"{other}\", not buy or sell"),
                },
            });
        }

        return list;
    });

    /// <summary>
    /// The running candles. Kraken never says a candle has closed: one has when a later one for the same symbol
    /// begins, so a candle is marked closed here only when this frame also holds a later one (snapshots hold
    /// several); across frames a ClosedOnly stream must close the previous candle itself when the next begins.
    /// </summary>
    public static IReadOnlyList<Candle> Candles(JsonField message, Func<string, SymbolInfo?> lookup) => message.From(OhlcFrame).Read(lookup, static (frame, lookup) =>
    {
        var rows = new List<(SymbolInfo Symbol, JsonField Data, DateTimeOffset Open)>();
        foreach (var d in Entries(frame))
        {
            if (lookup(d.String("symbol")) is { } s) rows.Add((s, d, Rfc3339(d.Get("interval_begin"))));
        }

        var list = new List<Candle>(rows.Count);
        foreach (var (s, d, open) in rows)
        {
            var minutes = d.Int("interval");
            if (!CandleInterval.TryParse(minutes.ToString(CultureInfo.InvariantCulture) + "m", out var interval))
            {
                throw d.Get("interval").Invalid($"is {minutes}, not a candle interval in minutes");
            }

            var volume = d.Decimal("volume");
            var vwap = d.DecimalOrNull("vwap");
            list.Add(new Candle
            {
                Exchange = s.Exchange, Symbol = s.Symbol, NativeSymbol = s.NativeSymbol, Interval = interval.Code,
                OpenTime = open, CloseTime = interval.Next(open).AddMilliseconds(-1),
                Open = d.Decimal("open"), High = d.Decimal("high"), Low = d.Decimal("low"), Close = d.Decimal("close"),
                Volume = volume, Vwap = vwap, QuoteVolume = vwap * volume, TradeCount = d.LongOrNull("trades"),
                IsClosed = rows.Exists(r => r.Symbol.Symbol == s.Symbol && r.Open > open),
            });
        }

        return list;
    });

    /// <summary>The 24-hour statistics (rolling: change is against the price 24 hours ago, so that is the open); only change and change_pct may be below zero.</summary>
    public static IReadOnlyList<Ticker> Tickers(JsonField message, Func<string, SymbolInfo?> lookup) => message.From(TickerFrame).Read(lookup, static (frame, lookup) =>
    {
        var list = new List<Ticker>();
        foreach (var d in Entries(frame))
        {
            if (lookup(d.String("symbol")) is not { } s) continue;
            var last = d.Decimal("last");
            var change = d.SignedDecimalOrNull("change");
            var volume = d.DecimalOrNull("volume");
            var vwap = d.DecimalOrNull("vwap");
            DateTimeOffset? time = d.Find("timestamp") is { } t ? Rfc3339(t) : null;
            list.Add(new Ticker
            {
                Exchange = s.Exchange, Symbol = s.Symbol, NativeSymbol = s.NativeSymbol,
                LastPrice = last, BidPrice = d.DecimalOrNull("bid"), BidQuantity = d.DecimalOrNull("bid_qty"),
                AskPrice = d.DecimalOrNull("ask"), AskQuantity = d.DecimalOrNull("ask_qty"),
                OpenPrice = last - change, HighPrice = d.DecimalOrNull("high"), LowPrice = d.DecimalOrNull("low"),
                PriceChange = change, PriceChangePercent = d.SignedDecimalOrNull("change_pct"), WeightedAveragePrice = vwap,
                Volume = volume, QuoteVolume = volume * vwap, OpenTime = time?.AddDays(-1), CloseTime = time,
            });
        }

        return list;
    });

    /// <summary>The best bid and ask of the same ticker frames.</summary>
    public static IReadOnlyList<BookTicker> BookTickers(JsonField message, Func<string, SymbolInfo?> lookup) => message.From(TickerFrame).Read(lookup, static (frame, lookup) =>
    {
        var list = new List<BookTicker>();
        foreach (var d in Entries(frame))
        {
            if (lookup(d.String("symbol")) is not { } s) continue;
            list.Add(new BookTicker
            {
                Exchange = s.Exchange, Symbol = s.Symbol, NativeSymbol = s.NativeSymbol,
                BidPrice = d.Decimal("bid"), BidQuantity = d.Decimal("bid_qty"), AskPrice = d.Decimal("ask"), AskQuantity = d.Decimal("ask_qty"),
            });
        }

        return list;
    });

    /// <summary>v2 times are RFC 3339 with up to nine fractional digits; .NET reads seven, and nanoseconds matter to nobody here.</summary>
    public static DateTimeOffset Rfc3339(JsonField e)
    {
        var written = e.String();
        var text = written;
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            if (end - dot - 1 > 7) text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw e.Invalid($"is {JsonField.Shown(e.Element)}, not an RFC 3339 time");
    }

    private static (decimal, decimal)[] Levels(JsonField? array)
    {
        if (array is not { } a) return Array.Empty<(decimal, decimal)>();
        var levels = new (decimal, decimal)[a.Length];
        int i = 0;
        foreach (var l in a.Items()) levels[i++] = (l.ExactDecimal("price"), l.ExactDecimal("qty"));
        return levels;
    }

    private static JsonFieldItems Entries(JsonField frame) => frame.Get("data").Items();

    private static AnswerSource Frame(string channel) => AnswerSource.Stream(ExchangeId.Kraken, channel.Length == 0 ? "v2 frame" : $"v2 {channel} frame");
}
