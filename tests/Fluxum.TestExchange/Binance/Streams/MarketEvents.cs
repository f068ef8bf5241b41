using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>Binance spot stream events as UTF-8 JSON, with the field names and number formats of the recorded frames.</summary>
internal static class MarketEvents
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Options)) write(w);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Trade(BinanceSymbol s, long id, TapeTrade t, long eventMs, long tradeMs) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "trade");
        w.WriteNumber("E", eventMs);
        w.WriteString("s", s.Symbol);
        w.WriteNumber("t", id);
        w.WriteFixed("p", t.PriceUnits);
        w.WriteFixed("q", t.QuantityUnits);
        w.WriteNumber("T", tradeMs);
        w.WriteBoolean("m", t.BuyerIsMaker);
        w.WriteBoolean("M", true);
        w.WriteEndObject();
    });

    public static byte[] AggTrade(BinanceSymbol s, long aggId, long tradeId, TapeTrade t, long eventMs, long tradeMs) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "aggTrade");
        w.WriteNumber("E", eventMs);
        w.WriteString("s", s.Symbol);
        w.WriteNumber("a", aggId);
        w.WriteFixed("p", t.PriceUnits);
        w.WriteFixed("q", t.QuantityUnits);
        w.WriteNumber("f", tradeId);
        w.WriteNumber("l", tradeId);
        w.WriteNumber("T", tradeMs);
        w.WriteBoolean("m", t.BuyerIsMaker);
        w.WriteBoolean("M", true);
        w.WriteEndObject();
    });

    public static byte[] Kline(BinanceSymbol s, CandleInterval interval, DateTimeOffset open, DateTimeOffset next, Bar bar, bool closed, long eventMs) => Write(w =>
    {
        var i = s.Instrument;
        w.WriteStartObject();
        w.WriteString("e", "kline");
        w.WriteNumber("E", eventMs);
        w.WriteString("s", s.Symbol);
        w.WriteStartObject("k");
        w.WriteNumber("t", open.ToUnixTimeMilliseconds());
        w.WriteNumber("T", next.ToUnixTimeMilliseconds() - 1);
        w.WriteString("s", s.Symbol);
        w.WriteString("i", interval.Code);
        w.WriteNumber("f", bar.Trades > 0 ? bar.FirstSlot + i.TradeIdBase : -1);
        w.WriteNumber("L", bar.Trades > 0 ? bar.LastSlot + i.TradeIdBase : -1);
        w.WriteFixed("o", i.TicksToUnits(bar.OpenTicks));
        w.WriteFixed("c", i.TicksToUnits(bar.CloseTicks));
        w.WriteFixed("h", i.TicksToUnits(bar.HighTicks));
        w.WriteFixed("l", i.TicksToUnits(bar.LowTicks));
        w.WriteFixed("v", bar.Trades > 0 ? i.StepsToUnits(bar.VolumeSteps) : 0);
        w.WriteNumber("n", bar.Trades);
        w.WriteBoolean("x", closed);
        w.WritePropertyName("q");
        w.WriteDecimal(bar.Trades > 0 ? bar.Quote(i) : 0);
        w.WriteFixed("V", bar.Trades > 0 ? i.StepsToUnits(bar.TakerBuySteps) : 0);
        w.WritePropertyName("Q");
        w.WriteDecimal(bar.Trades > 0 ? bar.TakerBuyQuote(i) : 0);
        w.WriteString("B", "0");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>The rolling 24 h window ending now, full (24hrTicker) or mini (24hrMiniTicker), figures as REST /ticker/24hr has them.</summary>
    public static byte[] Ticker(BinanceSymbol s, DateTimeOffset now, LiveBook? live, bool mini) => Write(w =>
    {
        var i = s.Instrument;
        var day = RollingDay.Of(i, now);

        w.WriteStartObject();
        w.WriteString("e", mini ? "24hrMiniTicker" : "24hrTicker");
        w.WriteNumber("E", now.ToUnixTimeMilliseconds());
        w.WriteString("s", s.Symbol);
        if (!mini)
        {
            w.WriteFixed("p", day.Change);
            w.WriteString("P", day.ChangePercent);
            w.WritePropertyName("w");
            w.WriteDecimal(day.WeightedAverage);
            w.WriteFixed("x", day.PrevClose);
        }

        w.WriteFixed("c", day.Last);
        if (!mini)
        {
            w.WriteFixed("Q", day.LastQuantity);
            var (bid, ask) = Touch(i, now, live);
            w.WriteFixed("b", i.TicksToUnits(bid.Ticks));
            w.WriteFixed("B", i.StepsToUnits(bid.Steps));
            w.WriteFixed("a", i.TicksToUnits(ask.Ticks));
            w.WriteFixed("A", i.StepsToUnits(ask.Steps));
        }

        w.WriteFixed("o", day.Open);
        w.WriteFixed("h", day.High);
        w.WriteFixed("l", day.Low);
        w.WriteFixed("v", day.Volume);
        w.WritePropertyName("q");
        w.WriteDecimal(day.Quote);
        if (!mini)
        {
            w.WriteNumber("O", day.From.ToUnixTimeMilliseconds());
            w.WriteNumber("C", now.ToUnixTimeMilliseconds());
            w.WriteNumber("F", day.FirstId);
            w.WriteNumber("L", day.LastId);
            w.WriteNumber("n", day.Count);
        }

        w.WriteEndObject();
    });

    /// <summary>Spot book tickers carry no event type or time, only the book's update id.</summary>
    public static byte[] BookTicker(BinanceSymbol s, long updateId, (long Ticks, long Steps) bid, (long Ticks, long Steps) ask) => Write(w =>
    {
        var i = s.Instrument;
        w.WriteStartObject();
        w.WriteNumber("u", updateId);
        w.WriteString("s", s.Symbol);
        w.WriteFixed("b", i.TicksToUnits(bid.Ticks));
        w.WriteFixed("B", i.StepsToUnits(bid.Steps));
        w.WriteFixed("a", i.TicksToUnits(ask.Ticks));
        w.WriteFixed("A", i.StepsToUnits(ask.Steps));
        w.WriteEndObject();
    });

    public static byte[] DepthUpdate(BinanceSymbol s, LiveDiff d) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "depthUpdate");
        w.WriteNumber("E", d.TimeMs);
        w.WriteString("s", s.Symbol);
        w.WriteNumber("U", d.First);
        w.WriteNumber("u", d.Last);
        w.WritePropertyName("b");
        Levels(w, s.Instrument, d.Bids);
        w.WritePropertyName("a");
        Levels(w, s.Instrument, d.Asks);
        w.WriteEndObject();
    });

    /// <summary>The partial book streams (depth5/10/20): a full replacement with lastUpdateId, no event type.</summary>
    public static byte[] PartialDepth(BinanceSymbol s, BookSide bids, BookSide asks, long lastUpdateId) => Write(w =>
    {
        var i = s.Instrument;
        w.WriteStartObject();
        w.WriteNumber("lastUpdateId", lastUpdateId);
        w.WritePropertyName("bids");
        Levels(w, i, Enumerable.Range(0, bids.Count).Select(k => (bids.Ticks[k], bids.Steps[k])).ToArray());
        w.WritePropertyName("asks");
        Levels(w, i, Enumerable.Range(0, asks.Count).Select(k => (asks.Ticks[k], asks.Steps[k])).ToArray());
        w.WriteEndObject();
    });

    public static byte[] ServerShutdown(long eventMs) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "serverShutdown");
        w.WriteNumber("E", eventMs);
        w.WriteEndObject();
    });

    /// <summary>An event type no client knows, to prove unknown events are skipped rather than fatal.</summary>
    public static byte[] Unknown(long eventMs) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "fluxumUnknownEvent");
        w.WriteNumber("E", eventMs);
        w.WriteString("s", "BTCUSDT");
        w.WriteEndObject();
    });

    /// <summary>A trade event cut off mid-object, as a broken proxy might deliver it.</summary>
    public static readonly byte[] Truncated = "{\"e\":\"trade\","u8.ToArray();

    /// <summary>The live book's touch when there is one, else the generated book's.</summary>
    public static ((long Ticks, long Steps) Bid, (long Ticks, long Steps) Ask) Touch(Instrument i, DateTimeOffset now, LiveBook? live)
    {
        if (live?.Touch() is { } t) return (t.Bid, t.Ask);
        var (bids, asks) = OrderBookModel.Build(i, now, 1);
        return (bids.Count > 0 ? (bids.Ticks[0], bids.Steps[0]) : (0, 0), asks.Count > 0 ? (asks.Ticks[0], asks.Steps[0]) : (0, 0));
    }

    private static void Levels(Utf8JsonWriter w, Instrument i, (long Ticks, long Steps)[] levels)
    {
        w.WriteStartArray();
        foreach (var (t, s) in levels)
        {
            w.WriteStartArray();
            w.WriteFixed(i.TicksToUnits(t));
            w.WriteFixed(i.StepsToUnits(s));
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
