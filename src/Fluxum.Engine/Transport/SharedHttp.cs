using System.Net;

namespace Fluxum.Engine.Transport;

/// <summary>
/// The one HttpClient of the process: pooled connections recycled every few minutes (so DNS changes are seen),
/// no client-wide timeout (each request carries its own), compression on.
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
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { { "User-Agent", "Fluxum-PowerShell/" + typeof(SharedHttp).Assembly.GetName().Version?.ToString(3) } },
    };
}
