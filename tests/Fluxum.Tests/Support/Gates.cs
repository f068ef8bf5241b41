using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Transport;
using Fluxum.Models;

namespace Fluxum.Tests.Support;

/// <summary>Request gates with the budgets the modules declare, for tests of the transport itself.</summary>
internal static class Gates
{
    public static RequestGate Binance(TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null) =>
        new(ExchangeId.Binance, new BinanceSpotModule().AddressBudgets().Concat(new BinanceSpotModule().AccountBudgets()), time, delay);

    public static RequestGate Kraken(TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null) =>
        new(ExchangeId.Kraken, new KrakenSpotModule().AddressBudgets(), time, delay);

    /// <summary>One weight budget of <paramref name="limit"/> a minute read from Binance's header.</summary>
    public static RequestGate Weight(int limit, ManualClock clock, double headroom = 0.9) =>
        new(ExchangeId.Binance, new IRateBudget[] { new WeightBudget("weight", "X-MBX-USED-WEIGHT-1M", limit, TimeSpan.FromMinutes(1), headroom) }, clock, clock.Delay);
}
