using System.Diagnostics;
using Fluxum.Engine.Json;
using Fluxum.Engine.Transport;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Engine.Exchanges;

/// <summary>
/// What every exchange's market data shares: the transport, a symbol catalog cached for an hour and reloaded
/// on demand, symbol resolution, and the server clock offset.
/// </summary>
internal abstract class MarketDataAdapter : IMarketData
{
    private static readonly TimeSpan CatalogLifetime = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _catalogLock = new(1, 1);
    private SymbolCatalog? _catalog;

    protected MarketDataAdapter(RestTransport rest, ExchangeInfo info)
    {
        Rest = rest;
        Info = info;
    }

    public ExchangeId Exchange => Info.Exchange;
    public ExchangeInfo Info { get; }
    public abstract IReadOnlyList<CandleInterval> CandleIntervals { get; }
    public abstract int MaxCandlesPerRequest { get; }
    public abstract int MaxTradesPerRequest { get; }
    public abstract DepthLimitRule DepthLimits { get; }
    protected RestTransport Rest { get; }

    /// <summary>Server minus local, from the last server time reading (shared with the account's signed requests).</summary>
    public TimeSpan ClockOffset => Rest.Clock.Offset;

    /// <summary>The transport, for the trading side of the same exchange address.</summary>
    internal RestTransport Transport => Rest;

    public async Task<SymbolCatalog> GetSymbolsAsync(CancellationToken ct)
    {
        var current = _catalog;
        if (current is not null && DateTimeOffset.UtcNow - current.LoadedAt < CatalogLifetime) return current;
        await _catalogLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_catalog is { } fresh && DateTimeOffset.UtcNow - fresh.LoadedAt < CatalogLifetime) return fresh;
            var symbols = await LoadSymbolsAsync(ct).ConfigureAwait(false);
            _catalog = new SymbolCatalog(Exchange, symbols, DateTimeOffset.UtcNow, symbols.Errors);
            return _catalog;
        }
        finally
        {
            _catalogLock.Release();
        }
    }

    /// <summary>Finds a symbol by any of its names; reloads the catalog once if it is not there (it may have just been listed).</summary>
    internal async Task<SymbolInfo> ResolveAsync(string symbol, CancellationToken ct)
    {
        var catalog = await GetSymbolsAsync(ct).ConfigureAwait(false);
        if (catalog.TryResolve(symbol, out var info)) return info;
        if (DateTimeOffset.UtcNow - catalog.LoadedAt > TimeSpan.FromMinutes(1))
        {
            _catalog = null;
            catalog = await GetSymbolsAsync(ct).ConfigureAwait(false);
        }

        return catalog.Resolve(symbol);
    }

    internal async Task<IReadOnlyList<SymbolInfo>> ResolveAllAsync(IReadOnlyList<string> symbols, CancellationToken ct)
    {
        var list = new List<SymbolInfo>(symbols.Count);
        foreach (var s in symbols) list.Add(await ResolveAsync(s, ct).ConfigureAwait(false));
        return list;
    }

    /// <summary>Reads the exchange's clock; a reading more than a day off is an error and leaves the offset as it was.</summary>
    public async Task<ServerTime> GetServerTimeAsync(CancellationToken ct)
    {
        var request = ServerTimeRequest();
        var sentAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var server = await Rest.ReadAsync(request, ParseServerTime, ct).ConfigureAwait(false);
        var roundTrip = clock.Elapsed;
        var localMid = sentAt + roundTrip / 2;
        var offset = Rest.Clock.Adopt(Exchange, AnswerSource.Rest(Exchange, request.Method, request.Path).ToString(), server, localMid);
        return new ServerTime
        {
            Exchange = Exchange,
            ServerTimeUtc = server,
            LocalTimeUtc = localMid,
            Offset = offset,
            RoundTrip = roundTrip,
        };
    }

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

    protected void CheckDepthLimit(int limit)
    {
        if (!DepthLimits.IsAllowed(limit))
        {
            throw new Errors.FxException("Fluxum.InvalidDepthLimit", Errors.FxErrorKind.InvalidArgument,
                $"{Exchange} serves depth limits of {DepthLimits.Describe()}; {limit} is not one (nearest: {DepthLimits.Nearest(limit)}).", Exchange);
        }
    }
}
