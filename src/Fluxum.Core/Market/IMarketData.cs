using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Market;

/// <summary>Public market data of one exchange. Every symbol argument may be unified or native.</summary>
public interface IMarketData
{
    ExchangeId Exchange { get; }
    ExchangeInfo Info { get; }
    IReadOnlyList<CandleInterval> CandleIntervals { get; }

    /// <summary>The most candles one request returns.</summary>
    int MaxCandlesPerRequest { get; }

    /// <summary>The most trades one request returns.</summary>
    int MaxTradesPerRequest { get; }

    /// <summary>The -Limit values the depth endpoint accepts.</summary>
    DepthLimitRule DepthLimits { get; }

    Task<ServerTime> GetServerTimeAsync(CancellationToken ct);

    /// <summary>All symbols, from a cache refreshed at most hourly.</summary>
    Task<SymbolCatalog> GetSymbolsAsync(CancellationToken ct);

    Task<OrderBook> GetDepthAsync(string symbol, int? limit, CancellationToken ct);

    /// <summary>
    /// Null or empty <paramref name="symbols"/> means every symbol; many symbols go in as few requests as the exchange
    /// allows. A ticker the answer holds but that cannot be read is in the result's Errors, not silently missing.
    /// </summary>
    Task<RowSet<Ticker>> GetTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct);
    Task<RowSet<PriceTicker>> GetPriceTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct);
    Task<RowSet<BookTicker>> GetBookTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct);

    Task<TradePage> GetTradesAsync(TradeQuery query, CancellationToken ct);

    /// <summary>
    /// One page of candles with open time in [start, end], oldest first, at most <paramref name="limit"/>.
    /// With no start, the latest candles up to end (or now). Rows that cannot be read are in the result's Errors.
    /// </summary>
    Task<RowSet<Candle>> GetCandlePageAsync(string symbol, CandleInterval interval, DateTimeOffset? start,
        DateTimeOffset? end, int limit, CancellationToken ct);
}
