using System.Globalization;
using System.Text.Json;
using Fluxum.Engine.Json;
using Fluxum.Engine.Transport;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>Binance spot public market data over REST (/api/v3), with the request weights of the current docs.</summary>
internal sealed class BinanceSpotMarketData : MarketDataAdapter
{
    public BinanceSpotMarketData(ExchangeConnection connection) : base(connection)
    {
    }

    public override IReadOnlyList<CandleInterval> CandleIntervals => BinanceSpotModule.Intervals;
    public override int MaxCandlesPerRequest => 1000;
    public override int MaxTradesPerRequest => 1000;
    public override DepthLimitRule DepthLimits { get; } = new(1, 5000, 100);

    protected override RestRequest ServerTimeRequest() => BinanceSpotEndpoints.Time.Request();
    protected override DateTimeOffset ParseServerTime(JsonField root) => BinanceParsers.ServerTime(root);

    protected override Task<RowSet<SymbolInfo>> LoadSymbolsAsync(CancellationToken ct) =>
        Rest.ReadAsync(BinanceSpotEndpoints.ExchangeInfo.Request(), root =>
        {
            // The limits the exchange publishes replace the declared ones, for this address and every account on it.
            if (BinanceParsers.RequestWeightPerMinute(root) is { } limit) Connection.PublishLimit(BinanceSpotModule.WeightBudget, limit);
            var (ten, day) = BinanceParsers.OrderLimits(root);
            if (ten is { } t) Connection.PublishLimit(BinanceSpotModule.Orders10sBudget, t);
            if (day is { } d) Connection.PublishLimit(BinanceSpotModule.OrdersDayBudget, d);
            return BinanceParsers.Symbols(root, Exchange);
        }, ct);

    public override async Task<OrderBook> GetDepthAsync(string symbol, int? limit, CancellationToken ct)
    {
        var n = limit ?? DepthLimits.Default;
        CheckDepthLimit(n);
        var info = await ResolveAsync(symbol, ct).ConfigureAwait(false);
        var request = BinanceSpotEndpoints.Depth.Request(n).Add("symbol", info.NativeSymbol).Add("limit", n);
        return await Rest.ReadAsync(request, root => BinanceParsers.Depth(root, info, DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
    }

    public override Task<RowSet<Ticker>> GetTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) =>
        TickerCallAsync(symbols, BinanceSpotEndpoints.Ticker24h, BinanceParsers.Ticker, ct);

    public override Task<RowSet<PriceTicker>> GetPriceTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) =>
        TickerCallAsync(symbols, BinanceSpotEndpoints.TickerPrice, BinanceParsers.PriceTicker, ct);

    public override Task<RowSet<BookTicker>> GetBookTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) =>
        TickerCallAsync(symbols, BinanceSpotEndpoints.TickerBook, BinanceParsers.BookTicker, ct);

    /// <summary>
    /// One request for one symbol, one for a list (symbols=[...]), or one for all. Symbols are resolved first,
    /// so an unknown one fails alone (an error in the result) instead of failing the whole list at the exchange. A row that cannot be
    /// read is left out and reported; rows of symbols nobody asked for (or listed after the catalog was read) are
    /// left out silently.
    /// </summary>
    private async Task<RowSet<T>> TickerCallAsync<T>(IReadOnlyList<string>? symbols, Endpoint endpoint,
        Func<JsonField, SymbolInfo, T> parse, CancellationToken ct) where T : class
    {
        var catalog = await GetSymbolsAsync(ct).ConfigureAwait(false);
        IReadOnlyList<SymbolInfo>? wanted = null;
        IReadOnlyList<Errors.FxException> unknown = Array.Empty<Errors.FxException>();
        if (symbols is { Count: > 0 })
        {
            (wanted, unknown) = await ResolveKnownAsync(symbols, ct).ConfigureAwait(false);
            if (wanted.Count == 0) return new RowSet<T>(Array.Empty<T>(), unknown);
        }

        // Past 100 symbols the list costs as much as all of them, and the URL stays short.
        var askAll = wanted is null || wanted.Count > 100;
        var request = endpoint.Request(askAll ? 0 : wanted!.Count);
        if (!askAll && wanted!.Count == 1) request.Add("symbol", wanted[0].NativeSymbol);
        else if (!askAll) request.Add("symbols", JsonSerializer.Serialize(wanted!.Select(s => s.NativeSymbol).Distinct().ToArray()));

        return WithUnknown(await Rest.ReadAsync(request, root =>
        {
            if (!root.IsList)
            {
                // One symbol asked for, one object answered: a value in it that cannot be right fails the call.
                var native = root.String("symbol");
                var one = wanted?.FirstOrDefault(s => s.NativeSymbol == native) ?? (catalog.TryResolve(native, out var found) ? found : null);
                return one is null ? RowSet<T>.Empty : new RowSet<T>(new[] { parse(root, one) });
            }

            var rows = root.Items();
            if (wanted is null) return JsonRows.Read(rows, row => catalog.TryResolve(row.String("symbol"), out var info) ? parse(row, info) : null);

            // In the order asked for, each symbol once.
            var byNative = wanted.DistinctBy(s => s.NativeSymbol).ToDictionary(s => s.NativeSymbol, StringComparer.Ordinal);
            var read = JsonRows.Read(rows, row => byNative.TryGetValue(row.String("symbol"), out var info) ? new Keyed<T>(info.NativeSymbol, parse(row, info)) : null);
            var order = byNative.Keys.Select((native, i) => (native, i)).ToDictionary(p => p.native, p => p.i, StringComparer.Ordinal);
            return new RowSet<T>(read.Items.DistinctBy(k => k.Native).OrderBy(k => order[k.Native]).Select(k => k.Item).ToList(), read.Errors);
        }, ct).ConfigureAwait(false), unknown);
    }

    private sealed record Keyed<T>(string Native, T Item);

    public override async Task<TradePage> GetTradesAsync(TradeQuery query, CancellationToken ct)
    {
        var info = await ResolveAsync(query.Symbol, ct).ConfigureAwait(false);
        var limit = Math.Clamp(query.Limit, 1, MaxTradesPerRequest);
        var fromId = BinanceIds.Start(query.Cursor, query.FromId, Exchange);

        if (query.Aggregate)
        {
            var request = BinanceSpotEndpoints.AggregateTrades.Request().Add("symbol", info.NativeSymbol).Add("limit", limit);
            if (fromId is not null) request.Add("fromId", fromId);
            else if (query.StartTime is { } start) request.Add("startTime", start.ToUnixTimeMilliseconds());
            else if (query.EndTime is { } end)
            {
                // Binance needs a start with an end; an hour back gives the newest trades before the end.
                request.Add("startTime", end.AddHours(-1).ToUnixTimeMilliseconds()).Add("endTime", end.ToUnixTimeMilliseconds());
            }

            var trades = await Rest.ReadAsync(request, root => root.Rows(t => BinanceParsers.AggregateTrade(t, info)), ct).ConfigureAwait(false);
            return new TradePage(trades, NextCursor(trades));
        }

        if (query.StartTime is not null || query.EndTime is not null)
        {
            throw new Errors.FxException("Fluxum.NotSupported", Errors.FxErrorKind.NotImplemented,
                "Binance serves trade history by time only as aggregate trades: add -Aggregate, or use -FromId.", Exchange);
        }

        if (fromId is null)
        {
            var recent = BinanceSpotEndpoints.RecentTrades.Request().Add("symbol", info.NativeSymbol).Add("limit", limit);
            return new TradePage(await Rest.ReadAsync(recent, root => root.Rows(t => BinanceParsers.Trade(t, info)), ct).ConfigureAwait(false), null);
        }

        var history = BinanceSpotEndpoints.HistoricalTrades.Request()
            .Add("symbol", info.NativeSymbol).Add("limit", limit).Add("fromId", fromId);
        var page = await Rest.ReadAsync(history, root => root.Rows(t => BinanceParsers.Trade(t, info)), ct).ConfigureAwait(false);
        return new TradePage(page, NextCursor(page));
    }

    private static string? NextCursor(IReadOnlyList<Trade> trades) => BinanceIds.After(trades.Count == 0 ? null : trades[^1].Id);

    public override async Task<RowSet<Candle>> GetCandlePageAsync(string symbol, CandleInterval interval, DateTimeOffset? start,
        DateTimeOffset? end, int limit, CancellationToken ct)
    {
        CheckInterval(interval);
        var info = await ResolveAsync(symbol, ct).ConfigureAwait(false);
        var request = BinanceSpotEndpoints.Klines.Request()
            .Add("symbol", info.NativeSymbol)
            .Add("interval", interval.Code)
            .Add("startTime", start?.ToUnixTimeMilliseconds())
            .Add("endTime", end?.ToUnixTimeMilliseconds())
            .Add("limit", Math.Clamp(limit, 1, MaxCandlesPerRequest));
        return await Rest.ReadAsync(request, root =>
        {
            var now = DateTimeOffset.UtcNow + ClockOffset;
            return root.Rows(row => BinanceParsers.Candle(row, info, interval.Code, now));
        }, ct).ConfigureAwait(false);
    }
}
