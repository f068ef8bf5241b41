using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange;

/// <summary>
/// Ends a request's connection at the socket, before any byte of an answer, in the two ways a real network does:
/// a graceful close (FIN) or a reset (RST). Kestrel's HttpContext.Abort alone gives a reset (measured on .NET 10),
/// so a FIN needs the socket itself.
/// </summary>
internal static class ConnectionCloser
{
    /// <summary>How long a FIN-closed connection waits for the client to close its side before it is dropped.</summary>
    private static readonly TimeSpan ClientCloseWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Shuts down the sending side, so the client reads end-of-stream where the answer should be. The connection
    /// stays open until the client closes its side: dropping it at once could put a reset on the wire before the
    /// client has read the FIN, and the client would see a reset instead.
    /// </summary>
    public static async Task FinAsync(HttpContext http, CancellationToken stopping)
    {
        Socket(http).Shutdown(SocketShutdown.Send);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        wait.CancelAfter(ClientCloseWait);
        try
        {
            await Task.Delay(Timeout.Infinite, wait.Token);
        }
        catch (OperationCanceledException)
        {
            // The client closed (RequestAborted), or it never did and the wait ended.
        }

        http.Abort();
    }

    /// <summary>
    /// A zero linger makes close() send a reset and nothing else; Kestrel's own shutdown would send a FIN first.
    /// Kestrel's loops then find the socket closed, which they handle as a connection reset.
    /// </summary>
    public static void Reset(HttpContext http)
    {
        var socket = Socket(http);
        socket.LingerState = new LingerOption(true, 0);
        socket.Dispose();
        http.Abort();
    }

    /// <summary>
    /// Writes the answer's status line and headers, with the full body's Content-Length, and only the first half of
    /// the body, straight on the socket, then closes gracefully (FIN). Kestrel's own output is bypassed because its
    /// flush returns before the bytes reach the socket, and a FIN sent then would overtake them.
    /// </summary>
    public static async Task CutOffAsync(HttpContext http, int status, string? contentType, ReadOnlyMemory<byte> body, CancellationToken stopping)
    {
        var head = new System.Text.StringBuilder()
            .Append("HTTP/1.1 ").Append(status).Append(' ').Append(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)).Append("\r\n")
            .Append("Content-Type: ").Append(contentType ?? "application/octet-stream").Append("\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        var socket = Socket(http);
        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(head.ToString()), SocketFlags.None, http.RequestAborted);
        await socket.SendAsync(body[..(body.Length / 2)], SocketFlags.None, http.RequestAborted);
        await FinAsync(http, stopping);
    }

    private static Socket Socket(HttpContext http) =>
        http.Features.Get<IConnectionSocketFeature>()?.Socket
        ?? throw new InvalidOperationException("The server's transport gives no socket; socket-level faults need Kestrel's socket transport.");
}
