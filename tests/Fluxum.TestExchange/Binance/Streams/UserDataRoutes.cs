using Fluxum.TestExchange.Binance.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>The Binance spot WebSocket API at /ws-api/v3, as far as user data needs it (see <see cref="UserDataSession"/>).</summary>
internal sealed class UserDataRoutes(BinanceStreams hub, BinanceAccounts accounts)
{
    public const string Path = "/ws-api/v3";

    public void Map(IEndpointRouteBuilder app) => app.Map(Path, ServeAsync);

    private async Task ServeAsync(HttpContext http)
    {
        if (await BinanceStreamRoutes.RefuseAsync(http, hub)) return;
        var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = hub.Open(http, socket, combined: false);
        using var session = new UserDataSession(connection, accounts, () => hub.Clock.Now);
        try
        {
            // The WebSocket API has its own request-weight limits, not the 5-messages rule of market streams.
            await connection.RunAsync(session.HandleAsync, messagesPerSecond: null);
        }
        finally
        {
            hub.Closed(connection);
        }
    }
}
