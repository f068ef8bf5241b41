using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>Binance stream names (lowercase symbol @ channel) for a request, and the per-connection limit.</summary>
internal static class BinanceStreamNames
{
    /// <summary>Binance closes a connection asking for more.</summary>
    public const int MaxPerConnection = 1024;

    /// <summary>Names per SUBSCRIBE message: each message counts against 5 a second, not its length.</summary>
    public const int PerSubscribeMessage = 200;

    /// <summary>The symbols of each connection: one stream per symbol, at most <see cref="MaxPerConnection"/> on one.</summary>
    public static IEnumerable<SymbolInfo[]> Connections(IEnumerable<SymbolInfo> symbols) => symbols.Chunk(MaxPerConnection);

    public static string For(StreamRequest request, SymbolInfo symbol)
    {
        var s = symbol.NativeSymbol.ToLowerInvariant();
        return request.Channel switch
        {
            StreamChannel.Trade => request.Aggregate ? $"{s}@aggTrade" : $"{s}@trade",
            StreamChannel.Candle => $"{s}@kline_{request.Interval!.Value.Code}",
            StreamChannel.Ticker => request.TickerType switch
            {
                TickerType.Book => $"{s}@bookTicker",
                TickerType.Price => $"{s}@miniTicker",
                _ => $"{s}@ticker",
            },
            StreamChannel.Book => $"{s}@depth@100ms",
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Channel, "No Binance stream for this channel."),
        };
    }
}
