using System.Text;

namespace Fluxum.Tests.Transport;

/// <summary>
/// What SocketsHttpHandler itself resends, measured with a bare-socket server that reads a POST and then closes
/// the connection without answering. The transport is built on these facts (dotnet/runtime#86714): a request
/// without content is sent again, up to three more times, each on a new connection, after a graceful close
/// (FIN), on a fresh connection as on a reused one; a reset (RST) is never resent, and neither is any request
/// that has content, even empty. Should a runtime change this, these tests say so.
/// </summary>
public sealed class HandlerResendTests
{
    public enum Body { None, Empty, EmptyForm, Small }

    public enum Close { Fin, Rst }

    public static TheoryData<Body, Close, bool> Shapes()
    {
        var data = new TheoryData<Body, Close, bool>();
        foreach (var body in Enum.GetValues<Body>())
        foreach (var close in Enum.GetValues<Close>())
        foreach (var reused in new[] { false, true })
            data.Add(body, close, reused);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Only_a_request_without_content_is_resent_and_only_after_a_FIN(Body body, Close close, bool reused)
    {
        await using var server = new RawHttpServer(r => r.Method == "GET" ? RawHttpServer.Reply.Ok
            : close == Close.Fin ? RawHttpServer.Reply.Fin : RawHttpServer.Reply.Rst);
        using var http = new HttpClient(new SocketsHttpHandler());
        if (reused) (await http.GetAsync(new Uri(server.BaseUri, "api/v3/ping"))).Dispose();

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUri, "api/v3/order?symbol=BTCUSDT"))
        {
            Content = body switch
            {
                Body.None => null,
                Body.Empty => new ByteArrayContent(Array.Empty<byte>()),
                Body.EmptyForm => new FormUrlEncodedContent(Array.Empty<KeyValuePair<string, string>>()),
                _ => new StringContent("symbol=BTCUSDT", Encoding.ASCII, "application/x-www-form-urlencoded"),
            },
        };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(post));

        var posts = server.Requests.Where(r => r.Method == "POST").ToList();
        if (body == Body.None && close == Close.Fin)
        {
            Assert.Equal(4, posts.Count); // the first and MaxConnectionFailureRetries (3) more
            Assert.Equal(4, posts.Select(p => p.Connection).Distinct().Count());
        }
        else
        {
            Assert.Single(posts);
        }

        if (reused) Assert.Equal(2, posts[0].OnConnection);
    }
}
