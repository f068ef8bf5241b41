using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>Where an exchange lives; FLUXUM_&lt;EXCHANGEID&gt;_REST_URL overrides it without code (tests, offline demos).</summary>
internal static class RestEndpoint
{
    public static Uri Resolve(ExchangeId exchange, string defaultUrl)
    {
        var variable = $"FLUXUM_{exchange.ToString().ToUpperInvariant()}_REST_URL";
        var overridden = Environment.GetEnvironmentVariable(variable);
        var url = string.IsNullOrWhiteSpace(overridden) ? defaultUrl : overridden.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new Errors.FxException("Fluxum.BadEndpoint", Errors.FxErrorKind.InvalidArgument,
                $"{variable} is '{url}', which is not an http(s) URL.", exchange);
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>Request timeout: FLUXUM_HTTP_TIMEOUT_SEC, default 10 seconds.</summary>
    public static TimeSpan Timeout =>
        double.TryParse(Environment.GetEnvironmentVariable("FLUXUM_HTTP_TIMEOUT_SEC"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : TimeSpan.FromSeconds(10);
}
