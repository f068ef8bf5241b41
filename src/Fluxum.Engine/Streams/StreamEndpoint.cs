using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Streams;

/// <summary>Where an exchange's streams live; FLUXUM_&lt;EXCHANGEID&gt;_WS_URL overrides the base address without code.</summary>
internal static class StreamEndpoint
{
    /// <summary>The base address (with a trailing slash); paths such as "stream" or "ws-api/v3" are added by the adapter.</summary>
    public static Uri Resolve(ExchangeId exchange, string defaultUrl)
    {
        var variable = $"FLUXUM_{exchange.ToString().ToUpperInvariant()}_WS_URL";
        var overridden = Environment.GetEnvironmentVariable(variable);
        var url = string.IsNullOrWhiteSpace(overridden) ? defaultUrl : overridden.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "wss" && uri.Scheme != "ws"))
        {
            throw new FxException("Fluxum.BadEndpoint", FxErrorKind.InvalidArgument, $"{variable} is '{url}', which is not a ws(s) URL.", exchange);
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>True when the default address is in use: only then do the exchange's own limits (like 24 hours) apply.</summary>
    public static bool IsOverridden(ExchangeId exchange) =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable($"FLUXUM_{exchange.ToString().ToUpperInvariant()}_WS_URL"));
}
