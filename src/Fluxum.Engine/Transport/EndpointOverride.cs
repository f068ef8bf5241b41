using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>
/// An exchange base address, or its override from FLUXUM_&lt;EXCHANGEID&gt;_&lt;KIND&gt;_URL (tests, offline demos,
/// proxies; a base path is allowed), checked for a scheme the caller can speak and given the trailing slash
/// relative paths need.
/// </summary>
internal static class EndpointOverride
{
    public static string Variable(ExchangeId exchange, string kind) => $"FLUXUM_{exchange.ToString().ToUpperInvariant()}_{kind}_URL";

    public static Uri Resolve(EngineSettings settings, ExchangeId exchange, string kind, string defaultUrl, params string[] schemes)
    {
        var variable = Variable(exchange, kind);
        var url = settings.Variable(variable) ?? defaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
        {
            throw new FxException("Fluxum.BadEndpoint", FxErrorKind.InvalidArgument,
                $"{variable} is '{url}', which is not a {string.Join(" or ", schemes)} URL.", exchange);
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
