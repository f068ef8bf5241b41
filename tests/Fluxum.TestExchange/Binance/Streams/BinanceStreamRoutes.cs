using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// Binance market streams: raw /ws/&lt;stream&gt;[/&lt;stream&gt;...] and /ws (bare events), combined
/// /stream?streams=a/b/c and /stream ({"stream":..,"data":..}); more streams by SUBSCRIBE later. A bad stream
/// name in the URL is refused before the upgrade (HTTP 400), RefuseConnections faults answer 503.
/// </summary>
internal sealed class BinanceStreamRoutes(BinanceStreams hub)
{
    public static bool IsStreamPath(string path) =>
        path is "/ws" or "/stream" or UserDataRoutes.Path
        || path.StartsWith("/ws/", StringComparison.Ordinal) || path.StartsWith("/stream/", StringComparison.Ordinal);

    public void Map(IEndpointRouteBuilder app)
    {
        app.Map("/ws", http => ServeAsync(http, combined: false, Array.Empty<string>()));
        app.Map("/ws/{**streams}", http => ServeAsync(http, combined: false, Split(http.Request.RouteValues["streams"] as string)));
        app.Map("/stream", http => ServeAsync(http, combined: true, Split(http.Request.Query["streams"].ToString())));
    }

    private static string[] Split(string? names) => (names ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);

    private async Task ServeAsync(HttpContext http, bool combined, string[] names)
    {
        if (await RefuseAsync(http, hub)) return;
        var parsed = new List<StreamName>();
        foreach (var n in names)
        {
            if (StreamName.Parse(n, out var error) is not { } name)
            {
                await RejectAsync(http, StatusCodes.Status400BadRequest, 2, error!);
                return;
            }

            parsed.Add(name);
        }

        if (parsed.Count > hub.Options.StreamMaxPerConnection)
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, 2, $"Invalid request: too many streams; a connection holds at most {hub.Options.StreamMaxPerConnection}");
            return;
        }

        var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = hub.Open(http, socket, combined);
        try
        {
            foreach (var p in parsed) connection.Add(hub.NewSubscription(p));
            var pump = new StreamPump(connection, hub).RunAsync();
            await connection.RunAsync(message => Answer(connection, message), hub.Options.StreamMessagesPerSecond, hub.Options.StreamSlowReaderTimeout);
            await pump;
        }
        finally
        {
            hub.Closed(connection);
        }
    }

    private ValueTask Answer(StreamConnection connection, ReadOnlyMemory<byte> message)
    {
        connection.Enqueue(ControlMessages.Handle(connection, hub, message));
        return ValueTask.CompletedTask;
    }

    /// <summary>Answers what is not a WebSocket upgrade, or an upgrade a RefuseConnections fault turns away; true when answered.</summary>
    internal static async Task<bool> RefuseAsync(HttpContext http, BinanceStreams hub)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, 2, "Invalid request: a WebSocket upgrade is expected");
            return true;
        }

        if (!hub.Refusals.TryRefuse(http.Request.Path.Value ?? "")) return false;
        await RejectAsync(http, StatusCodes.Status503ServiceUnavailable, -1, "Service unavailable (RefuseConnections fault).");
        return true;
    }

    private static async Task RejectAsync(HttpContext http, int status, int code, string msg)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json;charset=UTF-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { code, msg }));
    }
}
