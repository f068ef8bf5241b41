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

        // Short enough that the slow-response fault test ends quickly; the exchange answers in milliseconds otherwise.
        Environment.SetEnvironmentVariable("FLUXUM_HTTP_TIMEOUT_SEC", "2");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
