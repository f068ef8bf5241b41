using System.Text.Json;
using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>One subscribed channel for one pair on one connection: its acknowledgement, snapshot and updates.</summary>
internal abstract class KrakenFeed(KrakenPair pair)
{
    public KrakenPair Pair => pair;
    public string Symbol => KrakenV2Names.Of(pair);
    public abstract string Channel { get; }
    public virtual int? Depth => null;
    public virtual int? Interval => null;

    /// <summary>The channel's own fields of the subscribe acknowledgement's result.</summary>
    public virtual void WriteAckFields(Utf8JsonWriter w)
    {
    }

    public abstract byte[] Snapshot(KrakenStreamMarket market);

    /// <summary>What changed since the last snapshot or update, or null when nothing did.</summary>
    public abstract byte[]? Update(KrakenStreamMarket market);

    protected byte[] Envelope(string type, Action<Utf8JsonWriter> writeEntries, DateTimeOffset? time = null) => KrakenStreamJson.Frame(w =>
    {
        w.WriteStartObject();
        w.WriteString("channel", Channel);
        w.WriteString("type", type);
        if (time is { } t) KrakenStreamJson.Time(w, "timestamp", t);
        w.WriteStartArray("data");
        writeEntries(w);
        w.WriteEndArray();
        w.WriteEndObject();
    });
}

/// <summary>trade: the last 50 trades as the snapshot, then each new print of the tape.</summary>
internal sealed class KrakenTradeFeed(KrakenPair pair) : KrakenFeed(pair)
{
    private const int SnapshotTrades = 50;
    private long _lastSlot;

    public override string Channel => "trade";

    public override byte[] Snapshot(KrakenStreamMarket market)
    {
        _lastSlot = market.LastSlot(Pair);
        return Envelope("snapshot", w => Trades(w, Math.Max(0, _lastSlot - SnapshotTrades + 1), _lastSlot));
    }

    public override byte[]? Update(KrakenStreamMarket market)
    {
        var last = market.LastSlot(Pair);
        if (last <= _lastSlot) return null;
        var first = Math.Max(_lastSlot + 1, last - 999);
        _lastSlot = last;
        return Envelope("update", w => Trades(w, first, last));
    }

    private void Trades(Utf8JsonWriter w, long first, long last)
    {
        var i = Pair.Instrument;
        for (var slot = first; slot <= last; slot++)
        {
            var t = TradeTape.Trade(i, slot);
            w.WriteStartObject();
            w.WriteString("symbol", Symbol);
            w.WriteString("side", t.BuyerIsMaker ? "sell" : "buy");
            KrakenStreamJson.Price(w, "price", Pair, t.PriceUnits);
            KrakenStreamJson.Quantity(w, "qty", Pair, t.QuantityUnits);
            w.WriteString("ord_type", t.MarketOrder ? "market" : "limit");
            w.WriteNumber("trade_id", slot + i.TradeIdBase + 1);
            KrakenStreamJson.Time(w, "timestamp", DateTimeOffset.UnixEpoch.AddTicks(t.TimeMicros * 10));
            w.WriteEndObject();
        }
    }
}

/// <summary>ticker: a snapshot, then an update on every trade (event_trigger "trades") or on every change of the best bid or ask ("bbo").</summary>
internal sealed class KrakenTickerFeed(KrakenPair pair, bool onBestBidOffer) : KrakenFeed(pair)
{
    private long _lastSlot;
    private (KrakenLevel Bid, KrakenLevel Ask) _top;

    public override string Channel => "ticker";

    public override void WriteAckFields(Utf8JsonWriter w) => w.WriteString("event_trigger", onBestBidOffer ? "bbo" : "trades");

    public override byte[] Snapshot(KrakenStreamMarket market) => Frame("snapshot", market);

    public override byte[]? Update(KrakenStreamMarket market)
    {
        var changed = onBestBidOffer ? Top(market) != _top : market.LastSlot(Pair) > _lastSlot;
        return changed ? Frame("update", market) : null;
    }

    private (KrakenLevel, KrakenLevel) Top(KrakenStreamMarket market)
    {
        var book = market.Book(Pair);
        return (book.Top(true, 1).FirstOrDefault(), book.Top(false, 1).FirstOrDefault());
    }

    private byte[] Frame(string type, KrakenStreamMarket market)
    {
        _top = Top(market);
        var day = market.Day(Pair);
        _lastSlot = Math.Max(day.LastSlot, market.LastSlot(Pair));
        var i = Pair.Instrument;
        var decimals = i.PriceDecimals;
        return Envelope(type, w =>
        {
            w.WriteStartObject();
            w.WriteString("symbol", Symbol);
            KrakenStreamJson.Price(w, "bid", Pair, i.TicksToUnits(_top.Bid.Ticks));
            KrakenStreamJson.Quantity(w, "bid_qty", Pair, i.StepsToUnits(_top.Bid.Steps));
            KrakenStreamJson.Price(w, "ask", Pair, i.TicksToUnits(_top.Ask.Ticks));
            KrakenStreamJson.Quantity(w, "ask_qty", Pair, i.StepsToUnits(_top.Ask.Steps));
            KrakenStreamJson.Price(w, "last", Pair, day.LastUnits);
            KrakenStreamJson.Quantity(w, "volume", Pair, day.VolumeUnits);
            KrakenStreamJson.Decimal(w, "vwap", day.Vwap, decimals + 1);
            KrakenStreamJson.Price(w, "low", Pair, day.LowUnits);
            KrakenStreamJson.Price(w, "high", Pair, day.HighUnits);
            var change = Fixed.ToDecimal(day.LastUnits - day.OpenUnits);
            KrakenStreamJson.Decimal(w, "change", change, decimals);
            KrakenStreamJson.Decimal(w, "change_pct", day.OpenUnits == 0 ? 0 : change / Fixed.ToDecimal(day.OpenUnits) * 100m, 2);
            KrakenStreamJson.Time(w, "timestamp", market.Now);
            w.WriteEndObject();
        });
    }
}

/// <summary>ohlc: the last ten candles as the snapshot (the last still running), then the running candle after every trade.</summary>
internal sealed class KrakenOhlcFeed(KrakenPair pair, int minutes) : KrakenFeed(pair)
{
    private const int SnapshotCandles = 10;
    private readonly CandleInterval _interval = CandleInterval.Kraken[minutes];
    private long _lastSlot;

    public override string Channel => "ohlc";
    public override int? Interval => minutes;

    public override void WriteAckFields(Utf8JsonWriter w) => w.WriteNumber("interval", minutes);

    public override byte[] Snapshot(KrakenStreamMarket market)
    {
        var now = market.Now;
        _lastSlot = market.LastSlot(Pair);
        var current = _interval.Floor(now);
        var first = current - _interval.Width * (SnapshotCandles - 1);
        return Envelope("snapshot", w =>
        {
            for (var open = first; open <= current; open = _interval.Next(open)) Candle(w, open, now);
        }, now);
    }

    public override byte[]? Update(KrakenStreamMarket market)
    {
        var last = market.LastSlot(Pair);
        if (last <= _lastSlot) return null;
        _lastSlot = last;
        var now = market.Now;
        return Envelope("update", w => Candle(w, _interval.Floor(now), now), now);
    }

    private void Candle(Utf8JsonWriter w, DateTimeOffset open, DateTimeOffset now)
    {
        var i = Pair.Instrument;
        if (Bars.Compute(i, open, _interval.Next(open), now) is not { } bar) return;
        w.WriteStartObject();
        w.WriteString("symbol", Symbol);
        KrakenStreamJson.Price(w, "open", Pair, i.TicksToUnits(bar.OpenTicks));
        KrakenStreamJson.Price(w, "high", Pair, i.TicksToUnits(bar.HighTicks));
        KrakenStreamJson.Price(w, "low", Pair, i.TicksToUnits(bar.LowTicks));
        KrakenStreamJson.Price(w, "close", Pair, i.TicksToUnits(bar.CloseTicks));
        w.WriteNumber("trades", bar.Trades);
        KrakenStreamJson.Quantity(w, "volume", Pair, i.StepsToUnits(bar.VolumeSteps));
        KrakenStreamJson.Decimal(w, "vwap", bar.VolumeSteps > 0 ? bar.Quote(i) / bar.Volume(i) : i.TicksToUnits(bar.CloseTicks) / (decimal)Fixed.One,
            i.PriceDecimals + 1);
        KrakenStreamJson.NanoTime(w, "interval_begin", open);
        w.WriteNumber("interval", minutes);
        KrakenStreamJson.Time(w, "timestamp", now);
        w.WriteEndObject();
    }
}
