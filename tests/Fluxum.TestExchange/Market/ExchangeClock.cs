namespace Fluxum.TestExchange.Market;

/// <summary>The exchange's "now": <see cref="TestExchangeOptions.FixedNow"/> when set (read live, so a test may move it), else UTC.</summary>
internal sealed class ExchangeClock(TestExchangeOptions options)
{
    public DateTimeOffset Now => options.FixedNow?.ToUniversalTime() ?? DateTimeOffset.UtcNow;
}
