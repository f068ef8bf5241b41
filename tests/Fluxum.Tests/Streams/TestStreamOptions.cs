using Fluxum.Engine.Streams;

namespace Fluxum.Tests.Streams;

/// <summary>Stream timings for tests against the local exchange: faults play out in seconds, not minutes.</summary>
internal static class TestStreamOptions
{
    public static StreamOptions Fast { get; } = new()
    {
        StaleTimeout = TimeSpan.FromSeconds(2),
        KeepAliveInterval = TimeSpan.FromMilliseconds(500),
        RetryBase = TimeSpan.FromMilliseconds(50),
        RetryMax = TimeSpan.FromMilliseconds(400),
        MaxFailures = 4,
        MessageSpacing = TimeSpan.FromMilliseconds(20),
    };
}
