using System.Globalization;
using System.Text.Json;
using Fluxum.Diagnostics;
using Fluxum.Engine.Json;
using Fluxum.Engine.Transport;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>Kraken spot public market data over REST (/0/public).</summary>
internal sealed class KrakenSpotMarketData : MarketDataAdapter
{
    /// <summary>Kraken serves only the most recent 720 candles of any interval.</summary>
    public const int CandleWindow = 720;

    public KrakenSpotMarketData(ExchangeConnection connection) : base(connection)
    {
    }

    public override IReadOnlyList<CandleInterval> CandleIntervals => KrakenSpotModule.Intervals;
    public override int MaxCandlesPerRequest => CandleWindow;
    public override int MaxTradesPerRequest => 1000;
    public override DepthLimitRule DepthLimits { get; } = new(1, 500, 100);

    protected override RestRequest ServerTimeRequest() => KrakenSpotEndpoints.Time.Request();
    protected override DateTimeOffset ParseServerTime(JsonField root) => KrakenParsers.ServerTime(root);

    /// <summary>Kraken's Time answer (unixtime) is in whole seconds.</summary>
    protected override TimeSpan ClockResolution => TimeSpan.FromSeconds(1);

    protected override Task<RowSet<SymbolInfo>> LoadSymbolsAsync(CancellationToken ct) =>
        Rest.ReadAsync(KrakenSpotEndpoints.AssetPairs.Request(), KrakenParsers.Symbols, ct);

    public override async Task<OrderBook> GetDepthAsync(string symbol, int? limit, CancellationToken ct)
    {
        var n = limit ?? DepthLimits.Default;
        CheckDepthLimit(n);
        var info = await ResolveAsync(symbol, ct).ConfigureAwait(false);
        var request = KrakenSpotEndpoints.Depth.Request().Add("pair", info.NativeSymbol).Add("count", n);
        return await Rest.ReadAsync(request, root => KrakenParsers.Depth(root, info, DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
    }

    public override Task<RowSet<Ticker>> GetTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) =>
        TickerCallAsync(symbols, KrakenParsers.Ticker, ct);

    // Kraken has no lighter ticker endpoints: the price and best bid/ask come from the same Ticker call.
    public override Task<RowSet<PriceTicker>> GetPriceTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) =>
        TickerCallAsync(symbols, KrakenParsers.PriceTicker, ct);

    public override Task<RowSet<BookTicker>> GetBookTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) =>
        TickerCallAsync(symbols, KrakenParsers.BookTicker, ct);

    /// <summary>
    /// One Ticker call for the pairs asked for (or all). A pair entry that cannot be read is left out and reported;
    /// pairs the catalog does not know (listed since it was read) are left out silently.
    /// </summary>
    private async Task<RowSet<T>> TickerCallAsync<T>(IReadOnlyList<string>? symbols, Func<JsonField, SymbolInfo, T> parse,
        CancellationToken ct) where T : class
    {
        var catalog = await GetSymbolsAsync(ct).ConfigureAwait(false);
        IReadOnlyList<SymbolInfo>? wanted = null;
        IReadOnlyList<Errors.FxException> unknown = Array.Empty<Errors.FxException>();
        if (symbols is { Count: > 0 })
        {
            // An unknown pair fails alone (an error in the result); the others still go out in one request.
            (wanted, unknown) = await ResolveKnownAsync(symbols, ct).ConfigureAwait(false);
            if (wanted.Count == 0) return new RowSet<T>(Array.Empty<T>(), unknown);
        }

        var request = KrakenSpotEndpoints.Ticker.Request();
        if (wanted is not null) request.Add("pair", string.Join(",", wanted.Select(s => s.NativeSymbol).Distinct()));
        var read = await Rest.ReadAsync(request, root => JsonRows.Read(KrakenParsers.Result(root).Members(),
            entry => catalog.TryResolve(entry.Name!, out var info) ? new Keyed<T>(info.NativeSymbol, parse(entry, info)) : null), ct).ConfigureAwait(false);
        var byPair = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var k in read.Items) byPair[k.Native] = k.Item;

        if (wanted is null) return new RowSet<T>(byPair.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList(), read.Errors);
        var result = new List<T>();
        foreach (var info in wanted.DistinctBy(s => s.NativeSymbol))
        {
            if (byPair.TryGetValue(info.NativeSymbol, out var t)) result.Add(t);
        }

        return WithUnknown(new RowSet<T>(result, read.Errors), unknown);
    }

    private sealed record Keyed<T>(string Native, T Item);

    public override async Task<TradePage> GetTradesAsync(TradeQuery query, CancellationToken ct)
    {
        if (query.Aggregate) throw Errors.FxException.NotSupported(Exchange, "aggregate trades (-Aggregate)");
        if (query.FromId is not null) throw Errors.FxException.NotSupported(Exchange, "trade history by id (-FromId); use -StartTime");
        var info = await ResolveAsync(query.Symbol, ct).ConfigureAwait(false);
        var request = KrakenSpotEndpoints.Trades.Request().Add("pair", info.NativeSymbol)
            .Add("count", Math.Clamp(query.Limit, 1, MaxTradesPerRequest));
        if (query.Cursor is { } cursor) request.Add("since", cursor);
        else if (query.StartTime is { } start) request.Add("since", start.ToUnixTimeSeconds());
        else if (query.EndTime is not null)
        {
            throw new Errors.FxException("Fluxum.NotSupported", Errors.FxErrorKind.NotImplemented,
                "Kraken reads trade history forward from a start: give -StartTime with -EndTime.", Exchange);
        }

        return await Rest.ReadAsync(request, root =>
        {
            var result = KrakenParsers.Result(root);
            var (_, rows) = KrakenParsers.OnlyPair(result);
            var read = rows.Rows(r => KrakenParsers.Trade(r, info));
            var trades = read.WithItems(read.Items.Where(t => query.StartTime is not { } s || t.Time >= s).ToList());

            // The cursor is a nanosecond count, as a string or a number; only its text is handed back.
            var last = result.Find("last") is { } l ? (l.Kind == JsonValueKind.String ? l.String() : l.Long().ToString(CultureInfo.InvariantCulture)) : null;
            return new TradePage(trades, query.IsHistory && rows.Length > 0 ? last : null);
        }, ct).ConfigureAwait(false);
    }

    public override async Task<RowSet<Candle>> GetCandlePageAsync(string symbol, CandleInterval interval, DateTimeOffset? start,
        DateTimeOffset? end, int limit, CancellationToken ct)
    {
        CheckInterval(interval);
        var info = await ResolveAsync(symbol, ct).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow + ClockOffset;
        var earliest = now - interval.ApproximateDuration * CandleWindow;
        if (start is { } s && s < earliest)
        {
            FxLog.Warning($"Kraken serves only its latest {CandleWindow} {interval} candles (from about {earliest:u}); earlier ones are not available there.");
        }

        var request = KrakenSpotEndpoints.Ohlc.Request().Add("pair", info.NativeSymbol).Add("interval", interval.TotalMinutes);

        // Kraken's since is exclusive: one second earlier keeps the candle that opens exactly at start.
        if (start is { } from) request.Add("since", from.ToUnixTimeSeconds() - 1);
        var read = await Rest.ReadAsync(request, root => KrakenParsers.OnlyPair(KrakenParsers.Result(root)).Value.Rows(r => KrakenParsers.Candle(r, info, interval, now)),
            ct).ConfigureAwait(false);
        var candles = read.Items.Where(c => (start is null || c.OpenTime >= start) && (end is null || c.OpenTime <= end)).ToList();
        return read.WithItems(start is null
            ? candles.Skip(Math.Max(0, candles.Count - limit)).ToList()
            : candles.Take(limit).ToList());
    }
}
