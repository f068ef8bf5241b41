using System.Diagnostics;
using Fluxum.Engine.Json;
using Fluxum.Engine.Transport;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Engine.Exchanges;

/// <summary>
/// What every exchange's market data shares: the connection's transport and symbol catalog (which this class
/// loads for everything on the connection), the server clock offset, and the checks of intervals and depth limits.
/// </summary>
internal abstract class MarketDataAdapter : IMarketData
{
    protected MarketDataAdapter(ExchangeConnection connection)
    {
        Connection = connection;
        Rest = connection.Rest;
        Info = connection.Info;
        Symbols = connection.Symbols;
        Symbols.Loader = LoadSymbolsAsync;
    }

    public ExchangeId Exchange => Info.Exchange;

    /// <summary>The exchange address this market data reads (its transport, clock, symbols and stream bases).</summary>
    internal ExchangeConnection Connection { get; }
    public ExchangeInfo Info { get; }
    public abstract IReadOnlyList<CandleInterval> CandleIntervals { get; }
    public abstract int MaxCandlesPerRequest { get; }
    public abstract int MaxTradesPerRequest { get; }
    public abstract DepthLimitRule DepthLimits { get; }
    protected RestTransport Rest { get; }

    /// <summary>Server minus local, from the last server time reading (shared with the account's signed requests).</summary>
    public TimeSpan ClockOffset => Rest.Clock.Offset;

    /// <summary>The connection's catalog: market data loads it, and streams and trading resolve through the same one.</summary>
    protected SymbolSource Symbols { get; }

    public Task<SymbolCatalog> GetSymbolsAsync(CancellationToken ct) => Symbols.GetAsync(ct);

    internal Task<SymbolInfo> ResolveAsync(string symbol, CancellationToken ct) => Symbols.ResolveAsync(symbol, ct);

    internal Task<IReadOnlyList<SymbolInfo>> ResolveAllAsync(IReadOnlyList<string> symbols, CancellationToken ct) => Symbols.ResolveAllAsync(symbols, ct);

    /// <summary>The key in an unknown symbol's error Data that holds the name asked for, so a caller can target the error at it.</summary>
    public const string SymbolDataKey = "Fluxum.Symbol";

    /// <summary>
    /// Resolves each symbol of a list request; one the exchange does not list becomes an error of its own (its name
    /// under <see cref="SymbolDataKey"/>), so it fails alone and the others still go out in one request.
    /// </summary>
    internal async Task<(IReadOnlyList<SymbolInfo> Known, IReadOnlyList<Errors.FxException> Unknown)> ResolveKnownAsync(IReadOnlyList<string> symbols,
        CancellationToken ct)
    {
        // The catalog as loaded, without the reload-on-miss of a single lookup: a list of names, some of which an
        // exchange never lists (Compare-FxPrice asks every venue), must not reload the catalog for each.
        var catalog = await Symbols.GetAsync(ct).ConfigureAwait(false);
        var known = new List<SymbolInfo>(symbols.Count);
        var unknown = new List<Errors.FxException>();
        foreach (var s in symbols)
        {
            if (catalog.TryResolve(s, out var info))
            {
                known.Add(info);
                continue;
            }

            var e = catalog.NotFound(s);
            e.Data[SymbolDataKey] = s;
            unknown.Add(e);
        }

        return (known, unknown);
    }

    /// <summary>A list answer with the unknown symbols' errors first.</summary>
    protected static RowSet<T> WithUnknown<T>(RowSet<T> rows, IReadOnlyList<Errors.FxException> unknown) =>
        unknown.Count == 0 ? rows : new RowSet<T>(rows.Items, unknown.Concat(rows.Errors).ToList());

    /// <summary>Reads the exchange's clock; a reading more than a day off is an error and leaves the offset as it was.</summary>
    public async Task<ServerTime> GetServerTimeAsync(CancellationToken ct)
    {
        var request = ServerTimeRequest();
        var sentAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var server = await Rest.ReadAsync(request, ParseServerTime, ct).ConfigureAwait(false);
        var roundTrip = clock.Elapsed;
        var localMid = sentAt + roundTrip / 2;
        Rest.Clock.Adopt(Exchange, AnswerSource.Rest(Exchange, request.Method, request.Path).ToString(), server, localMid);
        return new ServerTime
        {
            Exchange = Exchange,
            ServerTimeUtc = server,
            LocalTimeUtc = localMid,
            Offset = ServerTime.OffsetAt(server, localMid, ClockResolution),
            RoundTrip = roundTrip,
            Resolution = ClockResolution,
        };
    }

    /// <summary>The finest step of the exchange's time answer; an offset finer than it would be noise.</summary>
    protected virtual TimeSpan ClockResolution => TimeSpan.FromMilliseconds(1);

    protected abstract RestRequest ServerTimeRequest();
    protected abstract DateTimeOffset ParseServerTime(JsonField root);

    /// <summary>Every symbol the exchange lists; one it lists but that cannot be read is in Errors (and kept in the catalog's).</summary>
    protected abstract Task<RowSet<SymbolInfo>> LoadSymbolsAsync(CancellationToken ct);

    public abstract Task<OrderBook> GetDepthAsync(string symbol, int? limit, CancellationToken ct);
    public abstract Task<RowSet<Ticker>> GetTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct);
    public abstract Task<RowSet<PriceTicker>> GetPriceTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct);
    public abstract Task<RowSet<BookTicker>> GetBookTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct);
    public abstract Task<TradePage> GetTradesAsync(TradeQuery query, CancellationToken ct);
    public abstract Task<RowSet<Candle>> GetCandlePageAsync(string symbol, CandleInterval interval, DateTimeOffset? start,
        DateTimeOffset? end, int limit, CancellationToken ct);

    /// <summary>Throws the standard NotImplemented error unless the adapter declares the capability.</summary>
    protected void Require(ExchangeCapabilities capability, string what)
    {
        if (!Info.Supports(capability)) throw Errors.FxException.NotSupported(Exchange, what);
    }

    internal void CheckInterval(CandleInterval interval)
    {
        if (!CandleIntervals.Contains(interval))
        {
            throw new Errors.FxException("Fluxum.UnsupportedInterval", Errors.FxErrorKind.InvalidArgument,
                $"{Exchange} has no {interval} candles; it offers {string.Join(", ", CandleIntervals)}.", Exchange);
        }
    }

    protected void CheckDepthLimit(int limit) => DepthLimits.Check(Exchange, limit);
}
