using System.Net.Http;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Transport;

public class RequestGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 5, TimeSpan.Zero);

    private static RestRequest Request(int weight) => new(HttpMethod.Get, "api/v3/depth", weight);

    private static int Used(RequestGate gate, ManualClock clock) => gate.Budget<WeightBudget>("weight").Used(clock.GetUtcNow());

    [Fact]
    public async Task Weight_gate_waits_for_the_next_minute_before_passing_the_headroom()
    {
        var clock = new ManualClock(Start);
        var gate = Gates.Weight(100, clock, headroom: 0.9);
        for (int i = 0; i < 9; i++) await gate.WaitAsync(Request(10), default);
        Assert.Empty(clock.Waits);
        Assert.Equal(90, Used(gate, clock));

        await gate.WaitAsync(Request(10), default);
        var wait = Assert.Single(clock.Waits);
        Assert.InRange(wait, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(56));
        Assert.Equal(10, Used(gate, clock)); // a new minute: only the request just let through
    }

    [Fact]
    public async Task Weight_gate_trusts_the_exchange_header_over_its_own_count()
    {
        var clock = new ManualClock(Start);
        var gate = Gates.Weight(100, clock);
        await gate.WaitAsync(Request(5), default);
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-MBX-USED-WEIGHT-1M", "88");
        gate.Observe(Request(5), response.Headers);
        Assert.Equal(88, Used(gate, clock));
        Assert.Equal("weight 88/100", gate.Usage);

        await gate.WaitAsync(Request(5), default);
        Assert.Single(clock.Waits);
    }

    [Fact]
    public async Task A_blocked_gate_refuses_at_once_until_retry_after_passes()
    {
        var clock = new ManualClock(Start);
        var gate = Gates.Binance(clock, clock.Delay);
        gate.Block(Start.AddSeconds(30), isBan: true);

        var e = await Assert.ThrowsAsync<RateLimitedException>(() => gate.WaitAsync(Request(1), default));
        Assert.True(e.IsBan);
        Assert.Equal("Fluxum.IpBanned", e.ErrorId);
        Assert.Equal(FxErrorKind.LimitsExceeded, e.Kind);
        Assert.Equal(Start.AddSeconds(30), e.RetryAt);
        Assert.Empty(clock.Waits); // refused, not slept through

        clock.Advance(TimeSpan.FromSeconds(31));
        await gate.WaitAsync(Request(1), default);
    }

    [Fact]
    public async Task Order_count_headers_pause_orders_near_the_10_second_limit_and_stop_them_at_the_daily_one()
    {
        var clock = new ManualClock(Start);
        // The order counters Binance spot declares, with the limits exchangeInfo would publish.
        var gate = Gates.Binance(clock, clock.Delay);
        gate.Budget<OrderCountBudget>(BinanceSpotModule.Orders10sBudget).Limit = 5;
        gate.Budget<OrderCountBudget>(BinanceSpotModule.OrdersDayBudget).Limit = 100;
        var order = new RestRequest(HttpMethod.Post, "api/v3/order", 1) { CountsAsOrder = true };
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-MBX-ORDER-COUNT-10S", "4");
        response.Headers.Add("X-MBX-ORDER-COUNT-1D", "40");
        gate.Observe(order, response.Headers);
        Assert.Contains("orders 4/5 in 10 s, 40/100 today", gate.Usage);

        await gate.WaitAsync(new RestRequest(HttpMethod.Get, "api/v3/depth", 5), default);
        Assert.Empty(clock.Waits); // only orders wait for the order budget
        await gate.WaitAsync(order, default);
        Assert.Equal(TimeSpan.FromSeconds(10), Assert.Single(clock.Waits));

        using var full = new HttpResponseMessage();
        full.Headers.Add("X-MBX-ORDER-COUNT-1D", "100");
        gate.Observe(order, full.Headers);
        var e = await Assert.ThrowsAsync<FxException>(() => gate.WaitAsync(order, default));
        Assert.Equal("Fluxum.OrderLimitReached", e.ErrorId);
        Assert.Equal(FxErrorKind.LimitsExceeded, e.Kind);
    }

    [Fact]
    public async Task Pacing_gate_allows_a_burst_then_spaces_calls()
    {
        var clock = new ManualClock(Start);
        var gate = new RequestGate(ExchangeId.Kraken, new IRateBudget[] { new TokenBucket("calls", capacity: 3, perSecond: 1) }, clock, clock.Delay);
        for (int i = 0; i < 3; i++) await gate.WaitAsync(Request(1), default);
        Assert.Empty(clock.Waits);
        await gate.WaitAsync(Request(1), default);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(clock.Waits));
    }
}
