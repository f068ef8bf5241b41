using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fluxum.Tests.Transport;

/// <summary>
/// An HTTP/1.1 server written on bare sockets, for measuring what an HTTP client puts on the wire: it records
/// every request head (and body) it reads, with its connection, and answers each as <see cref="Behaviour"/>
/// says - a small JSON answer with keep-alive, a graceful close (FIN) or a reset (RST) before any answer byte,
/// or a 307 redirect. A request announcing Expect: 100-continue is judged on its head alone, as a server that
/// closes before the body would.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly Task _accepting;
    private int _connections;

    public RawHttpServer(Func<RawRequest, Reply> behaviour)
    {
        Behaviour = behaviour;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public enum Reply { Ok, Fin, Rst, Redirect }

    public Func<RawRequest, Reply> Behaviour { get; set; }
    public Uri BaseUri { get; }
    public IReadOnlyList<RawRequest> Requests => _requests.ToArray();
    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(socket, connection));
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        var pending = new List<byte>();
        var buffer = new byte[16 * 1024];
        var onConnection = 0;
        try
        {
            while (true)
            {
                var end = IndexOf(pending, "\r\n\r\n"u8);
                if (end < 0)
                {
                    var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (n == 0) break;
                    pending.AddRange(buffer.AsSpan(0, n).ToArray());
                    continue;
                }

                var head = Encoding.ASCII.GetString(pending.GetRange(0, end).ToArray());
                var lines = head.Split("\r\n");
                var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                    .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
                var expectContinue = headers.TryGetValue("Expect", out var expect) && expect.Contains("100-continue", StringComparison.OrdinalIgnoreCase);
                var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl) : 0;
                if (!expectContinue && pending.Count < end + 4 + length)
                {
                    var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (n == 0) break;
                    pending.AddRange(buffer.AsSpan(0, n).ToArray());
                    continue;
                }

                var bodyLength = expectContinue ? Math.Min(length, pending.Count - end - 4) : length;
                var body = Encoding.UTF8.GetString(pending.GetRange(end + 4, bodyLength).ToArray());
                pending.RemoveRange(0, end + 4 + bodyLength);
                var parts = lines[0].Split(' ');
                var request = new RawRequest(parts[0], parts[1], headers, body, connection, ++onConnection);
                _requests.Enqueue(request);

                switch (Behaviour(request))
                {
                    case Reply.Ok:
                        await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"), SocketFlags.None);
                        break;
                    case Reply.Redirect:
                        await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 307 Temporary Redirect\r\nLocation: /moved\r\nContent-Length: 0\r\n\r\n"), SocketFlags.None);
                        break;
                    case Reply.Fin:
                        socket.Shutdown(SocketShutdown.Send);
                        await DrainAsync(socket, buffer);
                        return;
                    case Reply.Rst:
                        socket.LingerState = new LingerOption(true, 0);
                        return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>After a FIN, reads until the client closes too, so closing here cannot turn into a reset the client sees first.</summary>
    private async Task DrainAsync(Socket socket, byte[] buffer)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        wait.CancelAfter(TimeSpan.FromSeconds(10));
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token) > 0)
        {
        }
    }

    private static int IndexOf(List<byte> data, ReadOnlySpan<byte> pattern)
    {
        for (int i = 0; i + pattern.Length <= data.Count; i++)
        {
            var match = true;
            for (int j = 0; j < pattern.Length && match; j++) match = data[i + j] == pattern[j];
            if (match) return i;
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

/// <summary>A request head as it arrived, with its body (what of it arrived) and its place on its connection.</summary>
internal sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body, int Connection, int OnConnection);
