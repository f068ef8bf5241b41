using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Hosting;

/// <summary>
/// Counts the requests each keep-alive connection has carried, in the connection's own items, so the count
/// lives and dies with the connection.
/// </summary>
internal static class ConnectionRequests
{
    private static readonly object Key = new();

    /// <summary>1 for the first request on its connection, 2 for the next, and so on.</summary>
    public static int Next(HttpContext http)
    {
        if (http.Features.Get<IConnectionItemsFeature>()?.Items is not { } items) return 1;
        lock (items)
        {
            var count = items.TryGetValue(Key, out var value) && value is int n ? n + 1 : 1;
            items[Key] = count;
            return count;
        }
    }
}
