using System.Globalization;

namespace Fluxum.Engine.Streams;

/// <summary>
/// How a stream connection behaves when things go wrong. Defaults suit real exchanges; the FLUXUM_WS_* variables
/// exist so tests (and impatient users) can make silence, retries and planned reconnects happen in seconds.
/// </summary>
internal sealed record StreamOptions
{
    /// <summary>No frame for this long means the connection is dead even if TCP says otherwise (FLUXUM_WS_STALE_SEC).</summary>
    public TimeSpan StaleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first retry delay; it doubles per failure up to <see cref="RetryMax"/>, with jitter (FLUXUM_WS_RETRY_MS).</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Failed connections in a row after which the session gives up and says so (FLUXUM_WS_MAX_FAILURES).</summary>
    public int MaxFailures { get; init; } = 8;

    /// <summary>Reconnect on our own before the exchange's connection limit cuts us off (FLUXUM_WS_LIFETIME_SEC); null: never.</summary>
    public TimeSpan? Lifetime { get; init; }

    /// <summary>The least time between two control messages we send (Binance allows 5 a second, pings included).</summary>
    public TimeSpan MessageSpacing { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a quiet connection sends the protocol's application ping, where it has one.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a WebSocket handshake may take before the attempt counts as failed.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a normal close (1000) may take before the socket is aborted: short, because Ctrl+C and
    /// Select-Object -First must end a command within a second.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    public static StreamOptions FromEnvironment(TimeSpan? lifetime = null) => From(EngineSettings.Process, lifetime);

    /// <summary>The defaults with the FLUXUM_WS_* settings laid over them.</summary>
    public static StreamOptions From(EngineSettings settings, TimeSpan? lifetime = null)
    {
        double? Read(string variable) =>
            double.TryParse(settings.Variable(variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
        var options = new StreamOptions { Lifetime = lifetime };
        if (Read("FLUXUM_WS_STALE_SEC") is { } stale) options = options with { StaleTimeout = TimeSpan.FromSeconds(stale) };
        if (Read("FLUXUM_WS_RETRY_MS") is { } retry) options = options with { RetryBase = TimeSpan.FromMilliseconds(retry) };
        if (Read("FLUXUM_WS_MAX_FAILURES") is { } failures) options = options with { MaxFailures = (int)failures };
        if (Read("FLUXUM_WS_LIFETIME_SEC") is { } life) options = options with { Lifetime = TimeSpan.FromSeconds(life) };
        if (Read("FLUXUM_WS_KEEPALIVE_SEC") is { } keepAlive) options = options with { KeepAliveInterval = TimeSpan.FromSeconds(keepAlive) };
        return options;
    }

    /// <summary>Exponential backoff with "equal jitter": half the delay is fixed, half random, so many clients do not retry in step.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 20);
        var full = Math.Min(RetryMax.TotalMilliseconds, RetryBase.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(full / 2 + Random.Shared.NextDouble() * full / 2);
    }
}
