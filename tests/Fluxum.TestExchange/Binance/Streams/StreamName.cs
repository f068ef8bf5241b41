using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Binance.Streams;

internal enum StreamKind
{
    Trade,
    AggTrade,
    Kline,
    Ticker,
    MiniTicker,
    BookTicker,
    Depth,
    PartialDepth,
}

/// <summary>
/// A market stream name as Binance spells it: lowercase symbol, '@', the stream ("btcusdt@kline_1m",
/// "btcusdt@depth@100ms", "btcusdt@depth5"). Symbols must be served here; interval codes are case-sensitive.
/// </summary>
internal sealed record StreamName(string Name, BinanceSymbol Symbol, StreamKind Kind, CandleInterval? Interval = null, bool Fast = false, int Levels = 0)
{
    /// <summary>The parsed name, or null with the message for Binance's code-2 "Invalid request" error.</summary>
    public static StreamName? Parse(string name, out string? error)
    {
        error = null;
        var at = name.IndexOf('@');
        if (at <= 0 || name.Any(char.IsWhiteSpace))
        {
            error = $"Invalid request: invalid stream name '{name}'";
            return null;
        }

        var symbolText = name[..at];
        if (symbolText != symbolText.ToLowerInvariant() || BinanceMarkets.Find(symbolText.ToUpperInvariant()) is not { } symbol)
        {
            error = $"Invalid request: unknown symbol '{symbolText}' in stream '{name}'";
            return null;
        }

        var rest = name[(at + 1)..];
        StreamName Of(StreamKind kind, CandleInterval? interval = null, bool fast = false, int levels = 0) => new(name, symbol, kind, interval, fast, levels);
        switch (rest)
        {
            case "trade": return Of(StreamKind.Trade);
            case "aggTrade": return Of(StreamKind.AggTrade);
            case "ticker": return Of(StreamKind.Ticker);
            case "miniTicker": return Of(StreamKind.MiniTicker);
            case "bookTicker": return Of(StreamKind.BookTicker);
            case "depth": return Of(StreamKind.Depth);
            case "depth@100ms": return Of(StreamKind.Depth, fast: true);
            case "depth@1000ms": return Of(StreamKind.Depth);
        }

        if (rest.StartsWith("kline_", StringComparison.Ordinal) && CandleInterval.Binance.TryGetValue(rest["kline_".Length..], out var interval))
        {
            return Of(StreamKind.Kline, interval);
        }

        foreach (var levels in new[] { 5, 10, 20 })
        {
            var prefix = "depth" + levels;
            if (rest == prefix || rest == prefix + "@1000ms") return Of(StreamKind.PartialDepth, levels: levels);
            if (rest == prefix + "@100ms") return Of(StreamKind.PartialDepth, fast: true, levels: levels);
        }

        error = $"Invalid request: invalid stream name '{name}'";
        return null;
    }
}
