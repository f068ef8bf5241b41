using Fluxum.TestExchange;

namespace Fluxum.PowerShell.Tests.Support;

/// <summary>
/// Starts the local test exchange once and points the module at it through the documented environment
/// variables, as a user running it offline would.
/// </summary>
public sealed class ExchangeFixture : IAsyncLifetime
{
    public TestExchangeServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestExchangeServer.StartAsync();
        var url = Server.BaseUri.ToString().TrimEnd('/');
        Environment.SetEnvironmentVariable("FLUXUM_BINANCE_REST_URL", url);
        Environment.SetEnvironmentVariable("FLUXUM_KRAKEN_REST_URL", url);
        Environment.SetEnvironmentVariable("FLUXUM_BINANCE_WS_URL", Server.WebSocketUri.ToString());
        Environment.SetEnvironmentVariable("FLUXUM_KRAKEN_WS_URL", Server.WebSocketUri.ToString());

        // Faults end in seconds, not minutes: quick retries, and silence noticed after 3 s (pings keep quiet streams alive).
        Environment.SetEnvironmentVariable("FLUXUM_WS_RETRY_MS", "50");
        Environment.SetEnvironmentVariable("FLUXUM_WS_STALE_SEC", "3");
        Environment.SetEnvironmentVariable("FLUXUM_WS_KEEPALIVE_SEC", "1");

        // Short enough that the slow-response fault test ends quickly; the exchange answers in milliseconds otherwise.
        Environment.SetEnvironmentVariable("FLUXUM_HTTP_TIMEOUT_SEC", "2");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
