using Fluxum.Credentials;
using Fluxum.Engine;
using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.TestExchange;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Conformance;

/// <summary>
/// What every exchange module's market data must do, whatever the exchange: a sane clock, unified symbols that
/// also resolve by their native form, sorted uncrossed books within the limit, tickers, history that pages without
/// gaps or repeats, and errors with the ids and kinds the engine uses. One subclass per exchange names it and
/// states what it lacks.
/// </summary>
public abstract class MarketDataConformance : IClassFixture<ExchangeServerFixture>
{
    protected MarketDataConformance(ExchangeServerFixture fixture)
    {
        Server = fixture.Server;
        Server.Faults.Clear();
        Engine = ConformanceClient.Engine(Server);
        Market = Engine.GetMarketData(Exchange);
    }

    protected FluxumEngine Engine { get; }

    protected TestExchangeServer Server { get; }

    protected IMarketData Market { get; }

    protected abstract ExchangeId Exchange { get; }

    /// <summary>A listed symbol in the unified form.</summary>
    protected abstract string Symbol { get; }

    protected virtual Lack Lacks => Lack.None;

    /// <summary>What the exchange answers when it does not know a symbol, and the ErrorId the engine gives it.</summary>
    protected abstract (string Body, string ErrorId) UnknownSymbolAnswer { get; }

    [Fact]
    public async Task The_server_time_is_near_the_local_clock_and_the_offset_follows_from_it()
    {
        var time = await Market.GetServerTimeAsync(default);
        Assert.Equal(Exchange, time.Exchange);
        Assert.InRange(time.Offset, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(1));
        Assert.InRange(time.ServerTimeUtc, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(time.RoundTrip > TimeSpan.Zero);
    }

    [Fact]
    public async Task Symbols_are_unified_carry_their_native_form_and_both_forms_resolve_to_the_same_market()
    {
        var catalog = await Market.GetSymbolsAsync(default);
        Assert.NotEmpty(catalog.Symbols);
        Assert.All(catalog.Symbols, s =>
        {
            Assert.Equal(Exchange, s.Exchange);
            Assert.Equal($"{s.BaseAsset}/{s.QuoteAsset}", s.Symbol);
            Assert.False(string.IsNullOrEmpty(s.NativeSymbol));
        });
        Assert.Equal(catalog.Symbols.Count, catalog.Symbols.Select(s => s.Symbol).Distinct().Count());

        var info = catalog.Resolve(Symbol);
        var byNative = await Market.GetDepthAsync(info.NativeSymbol, null, default);
        var byUnified = await Market.GetDepthAsync(info.Symbol, null, default);
        Assert.Equal((info.Symbol, info.NativeSymbol), (byNative.Symbol, byNative.NativeSymbol));
        Assert.Equal((info.Symbol, info.NativeSymbol), (byUnified.Symbol, byUnified.NativeSymbol));
    }

    [Fact]
    public async Task Books_are_sorted_uncrossed_and_within_the_limit_asked_for()
    {
        var limits = new[] { Market.DepthLimits.Min, Market.DepthLimits.Default, Market.DepthLimits.Max }
            .Select(l => Market.DepthLimits.IsAllowed(l) ? l : Market.DepthLimits.Nearest(l)).Distinct();
        foreach (var limit in limits)
        {
            var book = await Market.GetDepthAsync(Symbol, limit, default);
            Assert.InRange(book.Bids.Count, 1, limit);
            Assert.InRange(book.Asks.Count, 1, limit);
            Assert.Equal(book.Bids.Select(l => l.Price).OrderByDescending(p => p), book.Bids.Select(l => l.Price));
            Assert.Equal(book.Asks.Select(l => l.Price).OrderBy(p => p), book.Asks.Select(l => l.Price));
            Assert.Equal(book.Bids.Count, book.Bids.Select(l => l.Price).Distinct().Count());
            Assert.True(book.BestBid < book.BestAsk, $"crossed at limit {limit}: {book.BestBid} >= {book.BestAsk}");
            Assert.All(book.Bids.Concat(book.Asks), l => Assert.True(l.Quantity > 0));
        }
    }

    [Fact]
    public async Task Tickers_of_every_kind_name_the_symbol_and_agree_with_each_other()
    {
        var tickers = await Market.GetTickersAsync(new[] { Symbol }, default);
        var prices = await Market.GetPriceTickersAsync(new[] { Symbol }, default);
        var books = await Market.GetBookTickersAsync(new[] { Symbol }, default);
        var ticker = Assert.Single(tickers);
        var price = Assert.Single(prices);
        var top = Assert.Single(books);
        Assert.Empty(tickers.Errors);
        Assert.All(new[] { ticker.Symbol, price.Symbol, top.Symbol }, s => Assert.Equal(Symbol, s));
        Assert.True(ticker.LastPrice > 0 && price.Price > 0);
        Assert.True(top.BidPrice < top.AskPrice);
        Assert.InRange(price.Price, ticker.LastPrice * 0.9m, ticker.LastPrice * 1.1m);

        var all = await Market.GetTickersAsync(null, default);
        Assert.Contains(all, t => t.Symbol == Symbol);
    }

    /// <summary>The query that reads trades from a time on; Binance reads them as aggregate trades.</summary>
    protected virtual TradeQuery TradesFrom(DateTimeOffset start, int limit) =>
        new(Symbol, limit) { StartTime = start, Aggregate = Lacks.HasFlag(Lack.PlainTradeHistoryByTime) };

    [Fact]
    public async Task Trades_page_over_a_range_without_gaps_or_repeats_in_time_order()
    {
        var start = Server.Now.AddMinutes(-30);
        var whole = (await Market.GetTradesAsync(TradesFrom(start, 300), default)).Trades;
        Assert.True(whole.Count >= 150, $"only {whole.Count} trades in the range");

        var paged = new List<Trade>();
        var query = TradesFrom(start, 40);
        while (paged.Count < 150)
        {
            var page = await Market.GetTradesAsync(query, default);
            Assert.NotEmpty(page.Trades);
            Assert.NotNull(page.NextCursor);
            paged.AddRange(page.Trades);
            query = query with { Cursor = page.NextCursor };
        }

        var ids = paged.Select(t => t.Id.ToString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(paged.Zip(paged.Skip(1)), p => Assert.True(p.First.Time <= p.Second.Time, $"{p.Second.Time:O} after {p.First.Time:O}"));

        // Pages joined end to end are the range read in one go: nothing skipped between pages, nothing repeated.
        Assert.Equal(whole.Take(paged.Count).Select(t => t.Id.ToString()), ids);
        Assert.All(paged, t => Assert.Equal(Symbol, t.Symbol));
    }

    [Fact]
    public async Task Aggregate_trades_are_served_or_refused_as_not_implemented()
    {
        Assert.Equal(!Lacks.HasFlag(Lack.AggregateTrades), Market.Info.Supports(ExchangeCapabilities.AggregateTrades));
        var query = new TradeQuery(Symbol, 20) { Aggregate = true };
        if (Lacks.HasFlag(Lack.AggregateTrades))
        {
            var e = await Assert.ThrowsAsync<FxException>(() => Market.GetTradesAsync(query, default));
            Assert.Equal(FxErrorKind.NotImplemented, e.Kind);
            Assert.Equal(Exchange, e.Exchange);
            return;
        }

        var trades = (await Market.GetTradesAsync(query, default)).Trades;
        Assert.NotEmpty(trades);
        Assert.All(trades, t => Assert.True(t.IsAggregate));
    }

    [Fact]
    public async Task Candles_page_over_a_range_contiguous_at_the_interval()
    {
        var interval = CandleInterval.Parse("1m");
        Assert.Contains(interval, Market.CandleIntervals);
        var end = Server.Now.AddMinutes(-1);
        var start = end.AddHours(-3);
        var candles = new List<Candle>();
        var from = start;
        while (candles.Count < 150)
        {
            var page = await Market.GetCandlePageAsync(Symbol, interval, from, end, 50, default);
            Assert.NotEmpty(page);
            candles.AddRange(page);
            from = interval.Next(page[^1].OpenTime);
        }

        Assert.InRange(candles[0].OpenTime, start, interval.Next(start));
        Assert.All(candles.Zip(candles.Skip(1)), p => Assert.Equal(interval.Next(p.First.OpenTime), p.Second.OpenTime));
        Assert.All(candles, c =>
        {
            Assert.Equal(Symbol, c.Symbol);
            Assert.True(c.Low <= Math.Min(c.Open, c.Close) && c.High >= Math.Max(c.Open, c.Close));
        });
    }

    [Fact]
    public async Task An_interval_the_exchange_lacks_is_refused_before_any_request()
    {
        var odd = CandleInterval.Parse("7m");
        Assert.DoesNotContain(odd, Market.CandleIntervals);
        await Market.GetSymbolsAsync(default);
        var sent = Server.Requests.All.Count;
        var e = await Assert.ThrowsAsync<FxException>(() => Market.GetCandlePageAsync(Symbol, odd, null, null, 10, default));
        Assert.Equal(("Fluxum.UnsupportedInterval", FxErrorKind.InvalidArgument, Exchange), (e.ErrorId, e.Kind, e.Exchange));
        Assert.Equal(sent, Server.Requests.All.Count);
    }

    [Fact]
    public async Task A_symbol_not_listed_is_not_found_without_asking_the_exchange()
    {
        await Market.GetSymbolsAsync(default);
        var sent = Server.Requests.All.Count;
        var e = await Assert.ThrowsAsync<FxException>(() => Market.GetDepthAsync("NOPE/NOTHING", null, default));
        Assert.Equal(("Fluxum.UnknownSymbol", FxErrorKind.ObjectNotFound, Exchange), (e.ErrorId, e.Kind, e.Exchange));
        Assert.Equal(sent, Server.Requests.All.Count);
    }

    [Fact]
    public async Task The_exchange_saying_it_does_not_know_a_symbol_keeps_its_code_under_the_exchanges_prefix()
    {
        await Market.GetSymbolsAsync(default);
        var (body, errorId) = UnknownSymbolAnswer;
        Server.Faults.Add(new Fault { Kind = FaultKind.ExchangeError, Body = body });
        var e = await Assert.ThrowsAsync<ExchangeErrorException>(() => Market.GetDepthAsync(Symbol, null, default));
        Assert.Equal((errorId, FxErrorKind.ObjectNotFound, Exchange), (e.ErrorId, e.Kind, e.Exchange));
        Assert.StartsWith(Market.Info.Family + ".", e.ErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void Trading_is_offered_as_the_exchange_declares_or_refused_as_not_implemented_naming_both()
    {
        var credential = new ExchangeCredential(Exchange, "key", "secret", "test");
        Assert.Equal(!Lacks.HasFlag(Lack.Trading), Market.Info.Supports(ExchangeCapabilities.Trading));
        if (!Lacks.HasFlag(Lack.Trading))
        {
            Assert.Equal(Exchange, Engine.GetTrading(Exchange, TradingEnvironment.Live, credential).Exchange);
            return;
        }

        var e = Assert.Throws<FxException>(() => Engine.GetTrading(Exchange, TradingEnvironment.Live, credential));
        Assert.Equal((FxErrorKind.NotImplemented, Exchange), (e.Kind, e.Exchange));
        Assert.Contains("trading", e.Message, StringComparison.Ordinal);
    }
}
