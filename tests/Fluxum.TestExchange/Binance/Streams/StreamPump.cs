using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// The periodic events of one market connection: trades (the tape as the clock reaches it, or one per configured
/// interval, plus bursts), klines, tickers, book tickers and partial books. Depth diffs come from the live books
/// instead (<see cref="DepthFeed"/>), as they must be the same for every subscriber.
/// </summary>
internal sealed class StreamPump(StreamConnection connection, BinanceStreams hub)
{
    private const int TickMs = 10;
    private const int MaxTapeTradesPerTick = 1000;

    private TestExchangeOptions Options => hub.Options;

    public async Task RunAsync()
    {
        try
        {
            while (!connection.Closed.IsCancellationRequested)
            {
                await Task.Delay(TickMs, connection.Closed);
                foreach (var sub in connection.Subscriptions)
                {
                    if (sub.Market is not { } name || connection.Find(sub.Name) != sub) continue;
                    var sent = name.Kind switch
                    {
                        StreamKind.Trade or StreamKind.AggTrade => await TradesAsync(sub, name),
                        StreamKind.Kline => await KlineAsync(sub, name),
                        StreamKind.Ticker or StreamKind.MiniTicker => await TickerAsync(sub, name),
                        StreamKind.BookTicker => await BookTickerAsync(sub, name),
                        StreamKind.PartialDepth => await PartialDepthAsync(sub, name),
                        _ => true,
                    };
                    if (!sent) return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed.
        }
    }

    private ValueTask<bool> Send(Subscription sub, byte[] data) => connection.SendAsync(connection.Frame(sub.Name, data));

    /// <summary>A trade, twice when a DuplicateTrade fault waits for it.</summary>
    private async ValueTask<bool> SendTrade(Subscription sub, byte[] data)
    {
        var frame = connection.Frame(sub.Name, data);
        if (!await connection.SendAsync(frame)) return false;
        return !sub.TakeDuplicate() || await connection.SendAsync(frame);
    }

    private bool Due(Subscription sub, TimeSpan every)
    {
        var now = Environment.TickCount64;
        if (now < sub.NextDueMs) return false;
        var step = Math.Max(1, (long)every.TotalMilliseconds);
        // A pump that fell behind (silence, a burst) carries on at its pace rather than catching up in a rush.
        sub.NextDueMs = sub.NextDueMs + step > now ? sub.NextDueMs + step : now + step;
        return true;
    }

    private async ValueTask<bool> TradesAsync(Subscription sub, StreamName name)
    {
        var s = name.Symbol;
        var i = s.Instrument;
        var nowMs = hub.Clock.Now.ToUnixTimeMilliseconds();
        if (sub.TakeBurst() is > 0 and var burst)
        {
            var t = TradeTape.Trade(i, Math.Max(0, sub.NextSlot - 1));
            for (int k = 0; k < burst; k++)
            {
                if (!await SendTrade(sub, Trade(sub, name, sub.NextSlot + k, t, nowMs, nowMs))) return false;
            }

            sub.Shift += burst;
        }

        if (Options.StreamTradeInterval is { } every)
        {
            if (!Due(sub, every)) return true;
            var slot = sub.NextSlot++;
            return await SendTrade(sub, Trade(sub, name, slot, TradeTape.Trade(i, slot), nowMs, nowMs));
        }

        var last = TradeTape.LastSlot(i, hub.Clock.Now);
        for (int n = 0; sub.NextSlot <= last && n < MaxTapeTradesPerTick; n++)
        {
            var slot = sub.NextSlot++;
            var t = TradeTape.Trade(i, slot);
            if (!await SendTrade(sub, Trade(sub, name, slot, t, nowMs, t.TimeMicros / 1000))) return false;
        }

        return true;
    }

    /// <summary>Trade ids are tape slots plus the symbol's id base, moved up by earlier bursts; aggregate ids are the slots (one trade each).</summary>
    private static byte[] Trade(Subscription sub, StreamName name, long slot, TapeTrade t, long eventMs, long tradeMs)
    {
        var s = name.Symbol;
        var id = slot + s.Instrument.TradeIdBase + sub.Shift;
        return name.Kind == StreamKind.Trade
            ? MarketEvents.Trade(s, id, t, eventMs, tradeMs)
            : MarketEvents.AggTrade(s, slot + sub.Shift, id, t, eventMs, tradeMs);
    }

    private async ValueTask<bool> KlineAsync(Subscription sub, StreamName name)
    {
        var interval = name.Interval!;
        var every = interval.Code == "1s" && Options.StreamKlineInterval > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : Options.StreamKlineInterval;
        if (!Due(sub, every)) return true;
        var i = name.Symbol.Instrument;
        var now = hub.Clock.Now;
        var nowMs = now.ToUnixTimeMilliseconds();
        var open = interval.Floor(i.Effective(now));
        if (sub.KlineOpen is { } previous && previous != open)
        {
            // The candle just ended: its last update says so (x true) before the next one starts.
            var end = interval.Next(previous);
            if (Bars.Compute(i, previous, end, now) is { } closed && !await Send(sub, MarketEvents.Kline(name.Symbol, interval, previous, end, closed, true, nowMs)))
            {
                return false;
            }
        }

        sub.KlineOpen = open;
        var next = interval.Next(open);
        return Bars.Compute(i, open, next, now) is not { } bar || await Send(sub, MarketEvents.Kline(name.Symbol, interval, open, next, bar, false, nowMs));
    }

    private async ValueTask<bool> TickerAsync(Subscription sub, StreamName name)
    {
        if (!Due(sub, Options.StreamTickerInterval)) return true;
        var live = hub.Books.Find(name.Symbol.Symbol);
        return await Send(sub, MarketEvents.Ticker(name.Symbol, hub.Clock.Now, live, name.Kind == StreamKind.MiniTicker));
    }

    private async ValueTask<bool> BookTickerAsync(Subscription sub, StreamName name)
    {
        if (!Due(sub, Options.StreamDepthFastInterval)) return true;
        if (hub.Books.Find(name.Symbol.Symbol)?.Touch() is not { } touch || touch.UpdateId == sub.LastUpdateId) return true;
        sub.LastUpdateId = touch.UpdateId;
        return await Send(sub, MarketEvents.BookTicker(name.Symbol, touch.UpdateId, touch.Bid, touch.Ask));
    }

    private async ValueTask<bool> PartialDepthAsync(Subscription sub, StreamName name)
    {
        if (!Due(sub, name.Fast ? Options.StreamDepthFastInterval : Options.StreamDepthSlowInterval)) return true;
        if (hub.Books.Find(name.Symbol.Symbol) is not { } book) return true;
        var (bids, asks, id) = book.Top(name.Levels);
        return await Send(sub, MarketEvents.PartialDepth(name.Symbol, bids, asks, id));
    }
}
