using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Tests.Support;

/// <summary>
/// A market that serves candles the way Binance's klines endpoint does (open time in [start, end], at most
/// limit, the latest ones when no start is given), over a fixed series that may have gaps.
/// </summary>
internal sealed class FakeCandleMarket : IMarketData
{
    private readonly List<Candle> _series;

    public FakeCandleMarket(IEnumerable<DateTimeOffset> openTimes, int maxPerRequest)
    {
        MaxCandlesPerRequest = maxPerRequest;
        _series = openTimes.Select((t, i) => new Candle
        {
            Exchange = ExchangeId.Binance, Symbol = "BTC/USDT", NativeSymbol = "BTCUSDT", Interval = "1m",
            OpenTime = t, Open = i, High = i, Low = i, Close = i, Volume = 1,
        }).ToList();
    }

    public List<(DateTimeOffset? Start, DateTimeOffset? End, int Limit)> Requests { get; } = new();
    public ExchangeId Exchange => ExchangeId.Binance;
    public ExchangeInfo Info { get; } = new() { Exchange = ExchangeId.Binance };
    public IReadOnlyList<CandleInterval> CandleIntervals { get; } = new[] { CandleInterval.Parse("1m") };
    public int MaxCandlesPerRequest { get; }
    public int MaxTradesPerRequest => 1000;
    public DepthLimitRule DepthLimits { get; } = new(1, 5000, 100);

    /// <summary>Candles served as rows that cannot be read: they come back as errors of their page instead.</summary>
    public HashSet<DateTimeOffset> Unreadable { get; } = new();

    public Task<RowSet<Candle>> GetCandlePageAsync(string symbol, CandleInterval interval, DateTimeOffset? start,
        DateTimeOffset? end, int limit, CancellationToken ct)
    {
        Requests.Add((start, end, limit));
        IEnumerable<Candle> q = _series.Where(c => (start is null || c.OpenTime >= start) && (end is null || c.OpenTime <= end));
        var list = q.ToList();
        IReadOnlyList<Candle> page = start is null ? list.Skip(Math.Max(0, list.Count - limit)).ToList() : list.Take(limit).ToList();
        var errors = page.Where(c => Unreadable.Contains(c.OpenTime))
            .Select(c => new Fluxum.Errors.FxException("Fluxum.UnexpectedResponse", Fluxum.Errors.FxErrorKind.InvalidResult, $"row {c.OpenTime:u} is left out"))
            .ToList();
        return Task.FromResult(new RowSet<Candle>(page.Where(c => !Unreadable.Contains(c.OpenTime)).ToList(), errors));
    }

    public Task<ServerTime> GetServerTimeAsync(CancellationToken ct) => throw new NotSupportedException();
    public Task<SymbolCatalog> GetSymbolsAsync(CancellationToken ct) => throw new NotSupportedException();
    public Task<OrderBook> GetDepthAsync(string symbol, int? limit, CancellationToken ct) => throw new NotSupportedException();
    public Task<RowSet<Ticker>> GetTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) => throw new NotSupportedException();
    public Task<RowSet<PriceTicker>> GetPriceTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) => throw new NotSupportedException();
    public Task<RowSet<BookTicker>> GetBookTickersAsync(IReadOnlyList<string>? symbols, CancellationToken ct) => throw new NotSupportedException();
    public Task<TradePage> GetTradesAsync(TradeQuery query, CancellationToken ct) => throw new NotSupportedException();
}
