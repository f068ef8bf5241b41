using Fluxum.Engine.Transport;
using Fluxum.Models;

namespace Fluxum.Engine.Streams;

/// <summary>Where an exchange's streams live; FLUXUM_&lt;EXCHANGEID&gt;_WS_URL overrides the base address without code.</summary>
internal static class StreamEndpoint
{
    /// <summary>The base address (with a trailing slash); paths such as "stream" or "ws-api/v3" are added by the adapter.</summary>
    public static Uri Resolve(ExchangeId exchange, string defaultUrl) => EndpointOverride.Resolve(exchange, "WS", defaultUrl, "wss", "ws");
}
