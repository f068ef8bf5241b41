using Fluxum.TestExchange;

namespace Fluxum.Tests.Support;

/// <summary>One local test exchange for a test class; each test clears its faults and request log first.</summary>
public sealed class ExchangeServerFixture : IAsyncLifetime
{
    public TestExchangeServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestExchangeServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
