using Fluxum.Engine;
using Fluxum.Models;
using Fluxum.TestExchange;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Conformance;

/// <summary>The engine the suites drive, built through the module list and pointed at the test exchange with fast stream timings.</summary>
internal static class ConformanceClient
{
    public static FluxumEngine Engine(TestExchangeServer server) => ExchangeClients.Engine(server,
        ("FLUXUM_HTTP_TIMEOUT_SEC", "2"),
        ("FLUXUM_WS_STALE_SEC", "2"),
        ("FLUXUM_WS_RETRY_MS", "50"),
        ("FLUXUM_WS_MAX_FAILURES", "6"),
        ("FLUXUM_WS_KEEPALIVE_SEC", "0.5"));

    /// <summary>Polls <paramref name="condition"/> until it holds or the time is up (then fails naming <paramref name="what"/>).</summary>
    public static async Task WaitFor(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
