using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>
/// An exchange base address, or its override from FLUXUM_&lt;EXCHANGEID&gt;_&lt;KIND&gt;_URL (tests, offline demos,
/// proxies), checked for a scheme the caller can speak and given the trailing slash relative paths need.
/// </summary>
internal static class EndpointOverride
{
    public static Uri Resolve(ExchangeId exchange, string kind, string defaultUrl, params string[] schemes)
    {
        var variable = $"FLUXUM_{exchange.ToString().ToUpperInvariant()}_{kind}_URL";
        var overridden = Environment.GetEnvironmentVariable(variable);
        var url = string.IsNullOrWhiteSpace(overridden) ? defaultUrl : overridden.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
        {
            throw new FxException("Fluxum.BadEndpoint", FxErrorKind.InvalidArgument,
                $"{variable} is '{url}', which is not a {string.Join(" or ", schemes)} URL.", exchange);
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
