using System.Net;

namespace Fluxum.Engine.Transport;

/// <summary>
/// The one HttpClient of the process: pooled connections recycled every few minutes (so DNS changes are seen),
/// no client-wide timeout (each request carries its own), compression on, and redirects not followed: a
/// followed redirect sends the request again (a POST with its body, for 307/308), elsewhere, with its API key
/// header. No handler sits between the client and SocketsHttpHandler; a retrying one would be refused anyway by
/// <see cref="SendOnceContent"/> for anything that may change state.
/// </summary>
internal static class SharedHttp
{
    public static HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        MaxConnectionsPerServer = 16,
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { { "User-Agent", "Fluxum-PowerShell/" + typeof(SharedHttp).Assembly.GetName().Version?.ToString(3) } },
    };
}
