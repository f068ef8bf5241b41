using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>
/// One client socket: a read loop handing requests to <see cref="KrakenStreamRequests"/>, and a write loop draining
/// a queue, so the market's ticking never waits on a slow client. Its feeds are read and changed only under the hub's lock.
/// </summary>
internal sealed class KrakenStreamConnection(KrakenStreams hub, WebSocket socket, HttpContext http, long id)
{
    private const int MaxRequestBytes = 64 * 1024;
    private readonly Channel<byte[]> _out = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    public long Id => id;

    /// <summary>The close status the client sent; null while none came (an aborted socket never sends one).</summary>
    public WebSocketCloseStatus? ClientCloseStatus { get; private set; }

    /// <summary>(channel, v2 symbol) to feed; guarded by the hub's lock.</summary>
    public Dictionary<(string Channel, string Symbol), KrakenFeed> Feeds { get; } = new();

    public void Send(byte[] frame)
    {
        if (!hub.IsSilent) _out.Writer.TryWrite(frame);
    }

    /// <summary>A network cut: no close handshake.</summary>
    public void Abort()
    {
        socket.Abort();
        http.Abort();
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var writing = WriteLoopAsync(ct);
        try
        {
            await ReadLoopAsync(ct);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            // The client went away or the fault dropped it: nothing to answer.
        }
        finally
        {
            _out.Writer.TryComplete();
            await writing;
        }
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[MaxRequestBytes];
        while (socket.State == WebSocketState.Open)
        {
            int count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (count == buffer.Length)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                    return;
                }

                result = await socket.ReceiveAsync(buffer.AsMemory(count), ct);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClientCloseStatus = socket.CloseStatus;
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                return;
            }

            KrakenStreamRequests.Handle(hub, this, buffer.AsSpan(0, count));
        }
    }

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var frame in _out.Reader.ReadAllAsync(ct))
            {
                if (socket.State != WebSocketState.Open) break;
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The socket is gone; the read loop ends on its own.
        }
    }
}
