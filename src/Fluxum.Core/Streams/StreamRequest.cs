using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Streams;

/// <summary>One Watch-Fx* command's subscription: a channel for a set of symbols (unified or native names).</summary>
public sealed record StreamRequest
{
    public required StreamChannel Channel { get; init; }
    public required IReadOnlyList<string> Symbols { get; init; }

    /// <summary>Trades: the exchange's aggregate trades instead of every single trade, where it has them.</summary>
    public bool Aggregate { get; init; }

    /// <summary>Candles: the interval (required for <see cref="StreamChannel.Candle"/>).</summary>
    public CandleInterval? Interval { get; init; }

    /// <summary>Candles: only emit a candle once it has closed.</summary>
    public bool ClosedOnly { get; init; }

    /// <summary>Tickers: 24h statistics (Full), the mini ticker (Price) or the best bid/ask (Book).</summary>
    public TickerType TickerType { get; init; } = TickerType.Full;

    /// <summary>Books: the levels a side in each emitted book (the full book is kept inside).</summary>
    public int BookDepth { get; init; } = 20;

    /// <summary>
    /// Trades and candles: also write the recent history an exchange sends on subscribing (Kraken's last 50 trades
    /// and last candles) before the live events; off by default, since those objects are not live.
    /// </summary>
    public bool IncludeSnapshot { get; init; }

    /// <summary>Books: emit at most this often; zero emits on every change.</summary>
    public TimeSpan BookInterval { get; init; }
}
