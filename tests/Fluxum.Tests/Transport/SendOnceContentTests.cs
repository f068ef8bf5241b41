using System.Text;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Transport;
using Fluxum.Models;

using Fluxum.Tests.Support;

namespace Fluxum.Tests.Transport;

/// <summary>
/// The guard under every request with a body, measured on the wire: whichever layer below the transport tries
/// to send such a request a second time - a retrying handler, a handler that buffers the body first, a
/// followed redirect - nothing of the second attempt reaches the server. Each case is shown against an ordinary
/// StringContent first, to prove the layer really does resend.
/// </summary>
public sealed class SendOnceContentTests
{
    private static HttpContent Guarded(string body = "symbol=BTCUSDT&side=BUY") =>
        new SendOnceContent(Encoding.UTF8.GetBytes(body), WireRequest.FormMediaType);

    private static HttpContent Ordinary(string body = "symbol=BTCUSDT&side=BUY") =>
        new StringContent(body, Encoding.UTF8, WireRequest.FormMediaType);

    [Theory]
    [InlineData(false, "symbol=BTCUSDT&side=BUY", 2)]
    [InlineData(true, "symbol=BTCUSDT&side=BUY", 1)]
    [InlineData(true, "", 1)]
    public async Task A_handler_that_sends_twice_gets_one_request_out(bool guarded, string body, int expected)
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Reply.Ok);
        using var http = new HttpClient(new SendsTwice(new SocketsHttpHandler()));
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUri, "api/v3/order")) { Content = guarded ? Guarded(body) : Ordinary(body) };

        var sent = http.SendAsync(post);
        if (guarded)
        {
            var e = await Assert.ThrowsAsync<HttpRequestException>(() => sent);
            Assert.IsType<ResendRefusedException>(e.InnerException);
        }
        else
        {
            (await sent).Dispose();
        }

        Assert.Equal(expected, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(body, r.Body));
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 0)]
    public async Task A_handler_that_buffers_the_body_before_resending_is_refused_before_anything_is_sent(bool guarded, int expected)
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Reply.Ok);
        using var http = new HttpClient(new BuffersThenSendsTwice(new SocketsHttpHandler()));
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUri, "api/v3/order")) { Content = guarded ? Guarded() : Ordinary() };

        if (guarded) await Assert.ThrowsAsync<ResendRefusedException>(() => http.SendAsync(post));
        else (await http.SendAsync(post)).Dispose();

        Assert.Equal(expected, server.Requests.Count);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task A_followed_redirect_does_not_send_the_body_again(bool guarded, int expectedAtTheNewPlace)
    {
        await using var server = new RawHttpServer(r => r.Target.StartsWith("/api/v3/order", StringComparison.Ordinal) ? RawHttpServer.Reply.Redirect : RawHttpServer.Reply.Ok);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUri, "api/v3/order")) { Content = guarded ? Guarded() : Ordinary() };

        if (guarded) await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(post));
        else (await http.SendAsync(post)).Dispose();

        Assert.Single(server.Requests, r => r.Target == "/api/v3/order");
        Assert.Equal(expectedAtTheNewPlace, server.Requests.Count(r => r.Target == "/moved"));
    }

    [Fact]
    public async Task Expect_100_continue_lets_the_handler_send_a_second_head_which_is_why_the_transport_never_asks_for_it()
    {
        await using var server = new RawHttpServer(r => r.Method == "GET" ? RawHttpServer.Reply.Ok : RawHttpServer.Reply.Fin);
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMilliseconds(200) });
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUri, "api/v3/order")) { Content = Guarded() };
        post.Headers.ExpectContinue = true;

        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(post));

        // The handler resends the head (the body is held back until the server agrees); the guard stops the body only.
        Assert.True(server.Requests.Count(r => r.Method == "POST") > 1, server.Requests.Count.ToString());
    }

    [Fact]
    public async Task The_transport_sends_a_state_changing_request_without_Expect_even_when_a_signer_asks_for_it()
    {
        await using var server = new RawHttpServer(r => r.Method == "GET" ? RawHttpServer.Reply.Ok : RawHttpServer.Reply.Fin);
        using var http = new HttpClient(new SocketsHttpHandler());
        var transport = new RestTransport(ExchangeId.Binance, server.BaseUri, Gates.Binance(), new BinanceErrorReader(ExchangeId.Binance), http)
        {
            Authenticator = new AsksForExpectContinue(),
        };

        var e = await Assert.ThrowsAsync<Fluxum.Errors.FxException>(() =>
            transport.SendAsync(new RestRequest(HttpMethod.Post, "api/v3/order") { Signed = true }.Add("symbol", "BTCUSDT"), default));

        Assert.True(AnswerLost.Is(e));
        var post = Assert.Single(server.Requests);
        Assert.False(post.Headers.ContainsKey("Expect"));
        Assert.Equal("symbol=BTCUSDT", post.Body);
    }

    [Fact]
    public async Task The_body_can_be_written_once_and_then_never_again()
    {
        var content = Guarded("a=1");
        using var first = new NonBufferStream();
        await content.CopyToAsync(first);
        Assert.Equal("a=1", Encoding.UTF8.GetString(first.Written.ToArray()));
        await Assert.ThrowsAsync<ResendRefusedException>(() => content.CopyToAsync(new NonBufferStream()));
        await Assert.ThrowsAsync<ResendRefusedException>(() => content.ReadAsStreamAsync());
    }

    /// <summary>A handler someone might add for resilience: it sends, then sends the same request again.</summary>
    private sealed class SendsTwice(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            (await base.SendAsync(request, ct)).Dispose();
            return await base.SendAsync(request, ct);
        }
    }

    /// <summary>A logging-and-retrying handler: it reads the body first (which buffers it), then sends twice.</summary>
    private sealed class BuffersThenSendsTwice(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            _ = await request.Content!.ReadAsStringAsync(ct);
            (await base.SendAsync(request, ct)).Dispose();
            return await base.SendAsync(request, ct);
        }
    }

    private sealed class AsksForExpectContinue : IRequestAuthenticator
    {
        public void Authenticate(RestRequest request, WireRequest wire) => wire.Headers.ExpectContinue = true;
    }

    /// <summary>A destination that is neither a MemoryStream nor HttpContent's own buffer, as a connection's stream is not.</summary>
    private sealed class NonBufferStream : Stream
    {
        public List<byte> Written { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written.Count;
        public override long Position { get => Written.Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Written.AddRange(buffer.AsSpan(offset, count).ToArray());
    }
}
