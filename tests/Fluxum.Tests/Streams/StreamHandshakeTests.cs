using System.Net;
using System.Net.Sockets;
using System.Text;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Streams;
using Fluxum.Errors;
using Fluxum.Streams;
using Fluxum.Tests.Support;
using Fluxum.TestExchange;

namespace Fluxum.Tests.Streams;

/// <summary>
/// A stream whose handshake is refused for good (404, 401, 403, no upgrade) fails at the first attempt with an
/// error naming the address (its token redacted); a transient refusal (503, 429) is retried with backoff.
/// </summary>
public sealed class StreamHandshakeTests : IAsyncLifetime
{
    private const string ListenKey = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";

    private TestExchangeServer _server = null!;

    public async Task InitializeAsync() => _server = await TestExchangeServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("404 Not Found", "HTTP 404")]
    [InlineData("401 Unauthorized", "HTTP 401")]
    [InlineData("403 Forbidden", "HTTP 403")]
    [InlineData("200 OK", "HTTP 200 instead of 101")]
    public async Task A_permanent_refusal_fails_at_the_first_attempt_naming_the_address_without_its_token(string status, string shown)
    {
        await using var refuser = new RefusingServer(status);
        var error = await RunAgainst(refuser, TestStreamOptions.Fast with { MaxFailures = 8 });

        Assert.Equal("Fluxum.StreamRefused", error.ErrorId);
        Assert.Equal(1, refuser.Attempts);
        Assert.Contains(shown, error.Message, StringComparison.Ordinal);
        Assert.Contains($"ws://127.0.0.1:{refuser.Port}/ws/<redacted>/stream", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ListenKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("503 Service Unavailable")]
    [InlineData("429 Too Many Requests")]
    public async Task A_transient_refusal_is_retried_until_the_circuit_opens(string status)
    {
        await using var refuser = new RefusingServer(status);
        var error = await RunAgainst(refuser, TestStreamOptions.Fast with { MaxFailures = 3 });

        Assert.Equal("Fluxum.StreamCircuitOpen", error.ErrorId);
        Assert.Equal(3, refuser.Attempts);
        Assert.Contains($"127.0.0.1:{refuser.Port}/ws/<redacted>/stream", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ListenKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ws://h:1/ws/" + ListenKey, "ws://h:1/ws/<redacted>")]
    [InlineData("wss://stream.binance.com:9443/stream?streams=btcusdt@trade", "wss://stream.binance.com:9443/stream?<query>")]
    [InlineData("wss://ws.kraken.com/v2", "wss://ws.kraken.com/v2")]
    [InlineData("wss://stream.binance.com/ws/btcusdt@depth@100ms", "wss://stream.binance.com/ws/btcusdt@depth@100ms")]
    public void A_shown_address_keeps_host_and_path_but_no_token_or_query(string url, string shown) =>
        Assert.Equal(shown, StreamAddress.Redacted(new Uri(url)));

    private async Task<FxException> RunAgainst(RefusingServer refuser, StreamOptions options)
    {
        var streams = new BinanceSpotStreams(ExchangeClients.Binance(_server), new Uri($"ws://127.0.0.1:{refuser.Port}/ws/{ListenKey}/"), options);
        var run = streams.RunAsync(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTCUSDT" } }, new RecordingSink(), CancellationToken.None);
        return await Assert.ThrowsAsync<FxException>(() => run.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    /// <summary>Answers every HTTP request (the WebSocket upgrade) with one fixed status and counts them.</summary>
    private sealed class RefusingServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly byte[] _answer;
        private readonly Task _serving;
        private int _attempts;

        public RefusingServer(string status)
        {
            _answer = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Attempts => Volatile.Read(ref _attempts);

        private async Task ServeAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }

                using (client)
                {
                    var stream = client.GetStream();
                    var buffer = new byte[4096];
                    var read = 0;
                    // The request ends with an empty line; the answer goes only after it, as a server's would.
                    while (read < buffer.Length && !Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var n = await stream.ReadAsync(buffer.AsMemory(read));
                        if (n == 0) break;
                        read += n;
                    }

                    Interlocked.Increment(ref _attempts);
                    await stream.WriteAsync(_answer);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving;
        }
    }
}
