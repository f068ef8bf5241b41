using System.Globalization;

namespace Fluxum.Engine.Transport;

/// <summary>REST settings every exchange shares.</summary>
internal static class RestEndpoint
{
    /// <summary>Request timeout: FLUXUM_HTTP_TIMEOUT_SEC, default 10 seconds.</summary>
    public static TimeSpan Timeout(EngineSettings settings) =>
        double.TryParse(settings.Variable("FLUXUM_HTTP_TIMEOUT_SEC"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : TimeSpan.FromSeconds(10);
}
