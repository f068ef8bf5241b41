using Fluxum.Diagnostics;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Core;

public class CandlePagerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CandleInterval Minute = CandleInterval.Parse("1m");

    private static IEnumerable<DateTimeOffset> Minutes(int count, params int[] missing) =>
        Enumerable.Range(0, count).Where(i => !missing.Contains(i)).Select(i => T0.AddMinutes(i));

    private static async Task<List<Candle>> Read(IMarketData market, DateTimeOffset? start, DateTimeOffset? end, int? limit)
    {
        var list = new List<Candle>();
        await foreach (var c in CandlePager.GetCandlesAsync(market, "BTCUSDT", Minute, start, end, limit, () => T0.AddDays(30))) list.Add(c);
        return list;
    }

    [Fact]
    public async Task Range_spanning_many_pages_has_every_candle_once()
    {
        var market = new FakeCandleMarket(Minutes(10_000), maxPerRequest: 1000);
        var candles = await Read(market, T0.AddMinutes(123), T0.AddMinutes(4567), null);

        Assert.Equal(4567 - 123 + 1, candles.Count);
        Assert.Equal(T0.AddMinutes(123), candles[0].OpenTime);
        Assert.Equal(T0.AddMinutes(4567), candles[^1].OpenTime);
        Assert.All(candles.Zip(candles.Skip(1)), p => Assert.Equal(TimeSpan.FromMinutes(1), p.Second.OpenTime - p.First.OpenTime));
        Assert.Equal(5, market.Requests.Count);
    }

    [Fact]
    public async Task Random_ranges_and_page_sizes_never_repeat_or_skip()
    {
        var random = new Random(20261123);
        for (int run = 0; run < 200; run++)
        {
            var missing = Enumerable.Range(0, 20).Select(_ => random.Next(0, 3000)).ToArray();
            var market = new FakeCandleMarket(Minutes(3000, missing), maxPerRequest: random.Next(1, 400));
            var a = random.Next(0, 3000);
            var b = random.Next(a, 3000);
            int? limit = random.Next(0, 3) == 0 ? random.Next(1, 500) : null;
            var candles = await Read(market, T0.AddMinutes(a), T0.AddMinutes(b), limit);

            var expected = Minutes(3000, missing).Where(t => t >= T0.AddMinutes(a) && t <= T0.AddMinutes(b)).ToList();
            if (limit is { } l) expected = expected.Take(l).ToList();
            Assert.Equal(expected, candles.Select(c => c.OpenTime).ToList());
        }
    }

    [Fact]
    public async Task Latest_count_beyond_one_page_pages_backwards_and_returns_oldest_first()
    {
        var market = new FakeCandleMarket(Minutes(5000), maxPerRequest: 1000);
        var candles = await Read(market, null, null, 2500);
        Assert.Equal(2500, candles.Count);
        Assert.Equal(T0.AddMinutes(2500), candles[0].OpenTime);
        Assert.Equal(T0.AddMinutes(4999), candles[^1].OpenTime);
        Assert.Equal(candles.Select(c => c.OpenTime).Distinct().Count(), candles.Count);
        Assert.Equal(3, market.Requests.Count);
    }

    [Fact]
    public async Task Gaps_in_the_exchange_data_are_reported_not_filled()
    {
        var market = new FakeCandleMarket(Minutes(100, 50, 51, 52), maxPerRequest: 30);
        var host = new RecordingHost();
        List<Candle> candles;
        using (FxLog.Use(host)) candles = await Read(market, T0, T0.AddMinutes(99), null);
        Assert.Equal(97, candles.Count);
        Assert.Contains(host.Verbose, m => m.Contains("2024-01-01 00:50:00Z") && m.Contains("gap"));
        Assert.Contains(host.Progress, p => p.Completed);
    }

    [Fact]
    public async Task End_before_start_is_rejected()
    {
        var market = new FakeCandleMarket(Minutes(10), 5);
        await Assert.ThrowsAsync<Fluxum.Errors.FxException>(() => Read(market, T0.AddMinutes(5), T0, null));
    }

    private sealed class RecordingHost : IFxHost
    {
        public List<string> Verbose { get; } = new();
        public List<FxProgress> Progress { get; } = new();
        void IFxHost.Verbose(string message) => Verbose.Add(message);
        public void Warning(string message) => Verbose.Add(message);
        public void Debug(string message) { }
        void IFxHost.Progress(FxProgress progress) => Progress.Add(progress);
    }
}
