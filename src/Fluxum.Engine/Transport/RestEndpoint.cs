using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>Where an exchange lives; FLUXUM_&lt;EXCHANGEID&gt;_REST_URL overrides it without code (tests, offline demos).</summary>
internal static class RestEndpoint
{
    public static Uri Resolve(ExchangeId exchange, string defaultUrl) => EndpointOverride.Resolve(exchange, "REST", defaultUrl, "https", "http");

    /// <summary>Request timeout: FLUXUM_HTTP_TIMEOUT_SEC, default 10 seconds.</summary>
    public static TimeSpan Timeout =>
        double.TryParse(Environment.GetEnvironmentVariable("FLUXUM_HTTP_TIMEOUT_SEC"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : TimeSpan.FromSeconds(10);
}
