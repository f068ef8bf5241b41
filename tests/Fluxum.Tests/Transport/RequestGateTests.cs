using System.Net.Http;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Transport;

public class RequestGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 5, TimeSpan.Zero);

    private static RestRequest Request(int weight) => new(HttpMethod.Get, "api/v3/depth", weight);

    [Fact]
    public async Task Weight_gate_waits_for_the_next_minute_before_passing_the_headroom()
    {
        var clock = new ManualClock(Start);
        var gate = new WeightGate(ExchangeId.Binance, limitPerMinute: 100, headroom: 0.9, time: clock, delay: clock.Delay);
        for (int i = 0; i < 9; i++) await gate.WaitAsync(Request(10), default);
        Assert.Empty(clock.Waits);
        Assert.Equal(90, gate.Used);

        await gate.WaitAsync(Request(10), default);
        var wait = Assert.Single(clock.Waits);
        Assert.InRange(wait, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(56));
        Assert.Equal(10, gate.Used); // a new minute: only the request just let through
    }

    [Fact]
    public async Task Weight_gate_trusts_the_exchange_header_over_its_own_count()
    {
        var clock = new ManualClock(Start);
        var gate = new WeightGate(ExchangeId.Binance, limitPerMinute: 100, time: clock, delay: clock.Delay);
        await gate.WaitAsync(Request(5), default);
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-MBX-USED-WEIGHT-1M", "88");
        gate.Observe(Request(5), response.Headers);
        Assert.Equal(88, gate.Used);
        Assert.Equal("weight 88/100", gate.Usage);

        await gate.WaitAsync(Request(5), default);
        Assert.Single(clock.Waits);
    }

    [Fact]
    public async Task A_blocked_gate_refuses_at_once_until_retry_after_passes()
    {
        var clock = new ManualClock(Start);
        var gate = new WeightGate(ExchangeId.Binance, time: clock, delay: clock.Delay);
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
    public async Task Pacing_gate_allows_a_burst_then_spaces_calls()
    {
        var clock = new ManualClock(Start);
        var gate = new PacingGate(ExchangeId.Kraken, capacity: 3, perSecond: 1, time: clock, delay: clock.Delay);
        for (int i = 0; i < 3; i++) await gate.WaitAsync(Request(1), default);
        Assert.Empty(clock.Waits);
        await gate.WaitAsync(Request(1), default);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(clock.Waits));
    }
}
