using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Engine.Streams;

/// <summary>
/// Which stream an item belongs to (exchange, symbol, and what it is: raw and aggregate trades are two streams)
/// and when it happened, where the exchange stamps it. Items the stream layer does not know have none.
/// </summary>
internal readonly record struct StreamEvent(ExchangeId Exchange, string Symbol, string Stream, DateTimeOffset? Time)
{
    public static StreamEvent? Of(object item) => item switch
    {
        Trade t => new StreamEvent(t.Exchange, t.Symbol, t.IsAggregate ? "aggregate trades" : "trades", t.Time),
        Candle c => new StreamEvent(c.Exchange, c.Symbol, "candles", null),
        Ticker t => new StreamEvent(t.Exchange, t.Symbol, "tickers", t.CloseTime),
        BookTicker b => new StreamEvent(b.Exchange, b.Symbol, "book tickers", null),
        PriceTicker p => new StreamEvent(p.Exchange, p.Symbol, "price tickers", null),
        Order o => new StreamEvent(o.Exchange, o.Symbol, "order updates", o.UpdateTime),
        Fill f => new StreamEvent(f.Exchange, f.Symbol, "fills", f.Time),
        Balance b => new StreamEvent(b.Exchange, b.Asset, "balances", null),
        _ => null,
    };

    public (ExchangeId, string, string) Key => (Exchange, Symbol, Stream);
}
