using System.Net.Sockets;
using System.Text;
using Fluxum.TestExchange;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.TestExchange;

/// <summary>
/// The test exchange's socket-level faults do on the wire what they say, seen from a raw TCP client: a FIN is an
/// end-of-stream, a reset is ECONNRESET, a cut-off answer stops short of its Content-Length, and each comes on
/// a connection that already carried a request (keep-alive, as a pooled client connection is reused).
/// </summary>
public sealed class ConnectionFaultTests : IClassFixture<ExchangeServerFixture>
{
    private readonly TestExchangeServer _server;

    public ConnectionFaultTests(ExchangeServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Faults.Clear();
        _server.Requests.Clear();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CloseConnection_is_a_FIN_before_any_answer_byte_on_a_reused_connection(bool afterProcessing)
    {
        using var client = await KeepAliveClient.OpenAsync(_server);
        await client.GetAsync("/api/v3/ping");
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/time", Kind = FaultKind.CloseConnection, AfterProcessing = afterProcessing });

        await client.SendAsync("GET /api/v3/time");
        var (bytes, error) = await client.ReadUntilClosedAsync();
        Assert.Null(error);
        Assert.Equal(0, bytes);
        AssertSecondOnOneConnection("/api/v3/ping", "/api/v3/time");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ResetConnection_is_an_RST_before_any_answer_byte(bool afterProcessing)
    {
        using var client = await KeepAliveClient.OpenAsync(_server);
        await client.GetAsync("/api/v3/ping");
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/time", Kind = FaultKind.ResetConnection, AfterProcessing = afterProcessing });

        await client.SendAsync("GET /api/v3/time");
        var (bytes, error) = await client.ReadUntilClosedAsync();
        Assert.Equal(0, bytes);
        Assert.Equal(SocketError.ConnectionReset, error);
        AssertSecondOnOneConnection("/api/v3/ping", "/api/v3/time");
    }

    [Fact]
    public async Task DropConnection_is_Kestrels_abort_which_resets()
    {
        using var client = await KeepAliveClient.OpenAsync(_server);
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/time", Kind = FaultKind.DropConnection, AfterProcessing = true });
        await client.SendAsync("GET /api/v3/time");
        var (bytes, error) = await client.ReadUntilClosedAsync();
        Assert.Equal(0, bytes);
        Assert.Equal(SocketError.ConnectionReset, error);
    }

    [Fact]
    public async Task CutOffBody_sends_the_headers_and_half_the_body_then_a_FIN()
    {
        using var client = await KeepAliveClient.OpenAsync(_server);
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/depth", Kind = FaultKind.CutOffBody });
        await client.SendAsync("GET /api/v3/depth?symbol=BTCUSDT&limit=100");
        var (raw, error) = await client.ReadAllAsync();
        Assert.Null(error);
        var text = Encoding.ASCII.GetString(raw);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", text);
        var length = int.Parse(text[..split].Split("\r\n").Single(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))[15..].Trim());
        Assert.True(length > 1000, length.ToString());
        Assert.Equal(length / 2, raw.Length - split - 4);
    }

    [Fact]
    public async Task A_fault_for_one_method_lets_the_others_pass()
    {
        using var client = await KeepAliveClient.OpenAsync(_server);
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/time", Method = "POST", Kind = FaultKind.ResetConnection });
        await client.GetAsync("/api/v3/time");
        Assert.Equal(1, _server.Faults.Pending);
    }

    private void AssertSecondOnOneConnection(string firstPath, string secondPath)
    {
        var first = Assert.Single(_server.Requests.All, r => r.Path == firstPath);
        var second = Assert.Single(_server.Requests.All, r => r.Path == secondPath);
        Assert.Equal(first.ConnectionId, second.ConnectionId);
        Assert.Equal(1, first.OnConnection);
        Assert.Equal(2, second.OnConnection);
    }

    /// <summary>HTTP/1.1 by hand over one TCP connection, so nothing between the test and the socket hides what arrives.</summary>
    private sealed class KeepAliveClient : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;
        private readonly string _host;

        private KeepAliveClient(TcpClient tcp, string host)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
            _host = host;
        }

        public static async Task<KeepAliveClient> OpenAsync(TestExchangeServer server)
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync(server.BaseUri.Host, server.BaseUri.Port);
            return new KeepAliveClient(tcp, server.BaseUri.Authority);
        }

        public Task SendAsync(string requestLine) =>
            _stream.WriteAsync(Encoding.ASCII.GetBytes($"{requestLine} HTTP/1.1\r\nHost: {_host}\r\n\r\n")).AsTask();

        /// <summary>Sends a GET and reads its whole answer (Content-Length or chunked), leaving the connection open.</summary>
        public async Task GetAsync(string path)
        {
            await SendAsync("GET " + path);
            var received = new List<byte>();
            var buffer = new byte[8192];
            while (true)
            {
                var n = await _stream.ReadAsync(buffer);
                Assert.True(n > 0, "The connection closed before the answer was complete.");
                received.AddRange(buffer.AsSpan(0, n).ToArray());
                var text = Encoding.ASCII.GetString(received.ToArray());
                var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (split < 0) continue;
                var length = text[..split].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                if (length is null ? text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal) : received.Count >= split + 4 + int.Parse(length[15..].Trim())) return;
            }
        }

        /// <summary>Bytes received until the server closed, and how it closed: null for a FIN, the socket error for a reset.</summary>
        public async Task<(int Bytes, SocketError? Error)> ReadUntilClosedAsync()
        {
            var (raw, error) = await ReadAllAsync();
            return (raw.Length, error);
        }

        public async Task<(byte[] Raw, SocketError? Error)> ReadAllAsync()
        {
            var received = new List<byte>();
            var buffer = new byte[8192];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                while (true)
                {
                    var n = await _stream.ReadAsync(buffer, timeout.Token);
                    if (n == 0) return (received.ToArray(), null);
                    received.AddRange(buffer.AsSpan(0, n).ToArray());
                }
            }
            catch (IOException e) when (e.InnerException is SocketException s)
            {
                return (received.ToArray(), s.SocketErrorCode);
            }
        }

        public void Dispose() => _tcp.Dispose();
    }
}
