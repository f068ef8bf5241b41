using System.Diagnostics;
using Fluxum.Diagnostics;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.TestExchange;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Transport;

/// <summary>Each fault the test exchange can inject gives the documented behaviour, and nothing hangs.</summary>
public sealed class RestTransportFaultTests : IClassFixture<ExchangeServerFixture>
{
    private const string Depth = "/api/v3/depth";
    private readonly TestExchangeServer _server;

    public RestTransportFaultTests(ExchangeServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Faults.Clear();
        _server.Requests.Clear();
    }

    private RestTransport Binance(RequestGate? gate = null, TimeSpan? timeout = null) =>
        new(ExchangeId.Binance, _server.BaseUri, gate ?? Gates.Binance(), new BinanceErrorReader(ExchangeId.Binance),
            delay: (_, _) => Task.CompletedTask)
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
        };

    private static RestRequest DepthRequest() => new RestRequest(HttpMethod.Get, "api/v3/depth", 5).Add("symbol", "BTCUSDT").Add("limit", 5);

    [Theory]
    [InlineData(FaultKind.Status429, false)]
    [InlineData(FaultKind.Status418, true)]
    public async Task Rate_limit_answers_block_further_requests_until_Retry_After(FaultKind kind, bool ban)
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = kind, RetryAfterSeconds = 7 });
        var transport = Binance();
        var before = DateTimeOffset.UtcNow;

        var e = await Assert.ThrowsAsync<RateLimitedException>(() => transport.SendAsync(DepthRequest(), default));
        Assert.Equal(ban, e.IsBan);
        Assert.Equal(ban ? "Fluxum.IpBanned" : "Fluxum.RateLimited", e.ErrorId);
        Assert.InRange(e.RetryAt, before.AddSeconds(6), DateTimeOffset.UtcNow.AddSeconds(8));
        Assert.Equal(1, _server.Requests.Count(Depth)); // never retried

        // The next call is refused here, without sending anything.
        await Assert.ThrowsAsync<RateLimitedException>(() => transport.SendAsync(DepthRequest(), default));
        Assert.Equal(1, _server.Requests.Count(Depth));
    }

    [Theory]
    [InlineData(400, "Way too much request weight used; IP banned until 1893456000000. Please use WebSocket Streams for live updates to avoid bans.", true)]
    [InlineData(400, "Too much request weight used; current limit is 6000 request weight per 1 MINUTE.", false)]
    public async Task A_minus_1003_body_blocks_like_a_429_whatever_its_status(int status, string message, bool ban)
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.ExchangeError, StatusCode = status,
            Body = $$"""{"code":-1003,"msg":"{{message}}"}""" });
        var transport = Binance();
        var e = await Assert.ThrowsAsync<RateLimitedException>(() => transport.SendAsync(DepthRequest(), default));
        Assert.Equal(ban, e.IsBan);
        Assert.Contains("-1003", e.Message, StringComparison.Ordinal);
        if (ban) Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1893456000000), e.RetryAt);
        else Assert.InRange(e.RetryAt, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(61));

        await Assert.ThrowsAsync<RateLimitedException>(() => transport.SendAsync(DepthRequest(), default));
        Assert.Equal(1, _server.Requests.Count(Depth)); // the second call never left
    }

    [Fact]
    public async Task A_5xx_on_a_GET_is_retried_and_then_succeeds()
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.ServerError, StatusCode = 503, Times = 2 });
        var host = new ListHost();
        using (FxLog.Use(host))
        {
            using var doc = await Binance().SendAsync(DepthRequest(), default);
            Assert.True(doc.RootElement.GetProperty("lastUpdateId").GetInt64() > 0);
        }

        Assert.Equal(3, _server.Requests.Count(Depth));
        Assert.Equal(2, host.Lines.Count(l => l.Contains("Retrying")));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.ServerError, StatusCode = 502, Times = 10 });
        var e = await Assert.ThrowsAsync<FxException>(() => Binance().SendAsync(DepthRequest(), default));
        Assert.Equal(FxErrorKind.ResourceUnavailable, e.Kind);
        Assert.Equal("Fluxum.ServerError", e.ErrorId);
        Assert.Equal(3, _server.Requests.Count(Depth));
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_the_retry_gets_through()
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(10) });
        var clock = Stopwatch.StartNew();
        using var doc = await Binance(timeout: TimeSpan.FromMilliseconds(500)).SendAsync(DepthRequest(), default);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.Equal(2, _server.Requests.Count(Depth));
    }

    [Fact]
    public async Task Always_slow_ends_in_a_timeout_error()
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(10), Times = 5 });
        var e = await Assert.ThrowsAsync<FxException>(() => Binance(timeout: TimeSpan.FromMilliseconds(300)).SendAsync(DepthRequest(), default));
        Assert.Equal(FxErrorKind.OperationTimeout, e.Kind);
        Assert.Equal("Fluxum.Timeout", e.ErrorId);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.DropConnection });
        using var doc = await Binance().SendAsync(DepthRequest(), default);
        Assert.Equal(2, _server.Requests.Count(Depth));
    }

    [Fact]
    public async Task Malformed_JSON_is_a_clear_error_not_a_retry()
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.MalformedJson });
        var e = await Assert.ThrowsAsync<FxException>(() => Binance().SendAsync(DepthRequest(), default));
        Assert.Equal("Fluxum.MalformedResponse", e.ErrorId);
        Assert.Equal(FxErrorKind.InvalidResult, e.Kind);
        Assert.Equal(1, _server.Requests.Count(Depth));
    }

    [Fact]
    public async Task Exchange_error_bodies_keep_their_code_and_message()
    {
        var request = new RestRequest(HttpMethod.Get, "api/v3/depth", 5).Add("symbol", "NOPE");
        var e = await Assert.ThrowsAsync<ExchangeErrorException>(() => Binance().SendAsync(request, default));
        Assert.Equal("Binance.-1121", e.ErrorId);
        Assert.Equal("Invalid symbol.", e.ExchangeMessage);
        Assert.Equal(400, e.HttpStatus);

        var kraken = new RestTransport(ExchangeId.Kraken, _server.BaseUri, new RequestGate(ExchangeId.Kraken, new IRateBudget[] { new TokenBucket("calls", 10, 10) }), new KrakenErrorReader());
        var k = await Assert.ThrowsAsync<ExchangeErrorException>(() =>
            kraken.SendAsync(new RestRequest(HttpMethod.Get, "0/public/Depth").Add("pair", "NOPE"), default));
        Assert.Equal("Kraken.EQuery:UnknownAssetPair", k.ErrorId);
        Assert.Equal(FxErrorKind.ObjectNotFound, k.Kind);
    }

    [Fact]
    public async Task A_loop_of_calls_slows_down_before_the_weight_limit_instead_of_hitting_it()
    {
        // The gate is told the limit is 60 a minute; each depth call weighs 5, so it must pause before the 11th call.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var gate = Gates.Weight(60, clock);
        var transport = Binance(gate);
        for (int i = 0; i < 15; i++)
        {
            using var doc = await transport.SendAsync(DepthRequest(), default);
        }

        Assert.NotEmpty(clock.Waits);
        Assert.Equal(15, _server.Requests.Count(Depth));
    }

    [Fact]
    public async Task Cancelling_ends_a_slow_request_at_once()
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Binance(timeout: TimeSpan.FromSeconds(20)).SendAsync(DepthRequest(), cts.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), clock.Elapsed.ToString());
    }

    [Theory]
    [InlineData(FaultKind.CloseConnection, "Fluxum.ConnectionFailed", "closed the connection")]
    [InlineData(FaultKind.ResetConnection, "Fluxum.ConnectionFailed", "reset the connection")]
    [InlineData(FaultKind.DropConnection, "Fluxum.ConnectionFailed", "reset the connection")]
    [InlineData(FaultKind.ServerError, "Fluxum.ServerError", "503")]
    [InlineData(FaultKind.Delay, "Fluxum.Timeout", "within")]
    [InlineData(FaultKind.CutOffBody, "Fluxum.ResponseCutOff", "cut off after")]
    public async Task A_state_changing_request_goes_out_once_whatever_the_fault_and_its_answer_is_marked_lost(FaultKind kind, string errorId, string says)
    {
        using var warm = await Binance().SendAsync(DepthRequest(), default); // the POST then rides a reused connection
        _server.Faults.Add(new Fault { PathPrefix = "/api/v3/order", Kind = kind, StatusCode = 503, Delay = TimeSpan.FromSeconds(5) });
        var post = new RestRequest(HttpMethod.Post, "api/v3/order").Add("symbol", "BTCUSDT").Add("side", "BUY");

        var e = await Assert.ThrowsAsync<FxException>(() => Binance(timeout: TimeSpan.FromSeconds(1)).SendAsync(post, default));

        Assert.Equal(errorId, e.ErrorId);
        Assert.Contains(says, e.Message);
        Assert.True(AnswerLost.Is(e));
        var sent = Assert.Single(_server.Requests.All, r => r.Method == "POST");
        Assert.Equal("symbol=BTCUSDT&side=BUY", sent.Body);
        Assert.Equal("", sent.Query);
        if (kind != FaultKind.Delay) Assert.True(sent.OnConnection > 1);
    }

    [Fact]
    public async Task A_read_whose_connection_closes_before_the_answer_is_sent_again()
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.CloseConnection });
        using var doc = await Binance().SendAsync(DepthRequest(), default);
        Assert.Equal(2, _server.Requests.Count(Depth));
    }

    [Fact]
    public async Task An_answer_cut_off_in_transfer_says_how_far_it_got_and_where_and_a_read_is_retried()
    {
        _server.Faults.Add(new Fault { PathPrefix = Depth, Kind = FaultKind.CutOffBody, Times = 3 });
        var request = new RestRequest(HttpMethod.Get, "api/v3/depth", 5).Add("symbol", "BTCUSDT").Add("limit", 100);

        var e = await Assert.ThrowsAsync<FxException>(() => Binance().SendAsync(request, default));

        Assert.Equal("Fluxum.ResponseCutOff", e.ErrorId);
        Assert.Matches(@"Binance's answer to GET /api/v3/depth \(200 OK\) was cut off after (\d+) of (\d+) bytes", e.Message);
        var numbers = System.Text.RegularExpressions.Regex.Match(e.Message, @"after (\d+) of (\d+)");
        Assert.Equal(long.Parse(numbers.Groups[2].Value) / 2, long.Parse(numbers.Groups[1].Value));
        Assert.DoesNotContain("Could not reach", e.Message);
        Assert.Equal(3, _server.Requests.Count(Depth));
    }

    [Fact]
    public async Task A_connection_that_cannot_be_opened_says_nothing_was_sent()
    {
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var transport = new RestTransport(ExchangeId.Binance, new Uri($"http://127.0.0.1:{port}/"), Gates.Binance(),
            new BinanceErrorReader(ExchangeId.Binance), delay: (_, _) => Task.CompletedTask);

        var e = await Assert.ThrowsAsync<FxException>(() => transport.SendAsync(new RestRequest(HttpMethod.Delete, "api/v3/openOrders").Add("symbol", "BTCUSDT"), default));

        Assert.Equal("Fluxum.ConnectionFailed", e.ErrorId);
        Assert.Contains("Could not reach Binance", e.Message);
        Assert.Contains("DELETE api/v3/openOrders was not sent", e.Message);
        Assert.False(AnswerLost.Is(e));
    }

    [Fact]
    public async Task A_redirect_is_reported_not_followed()
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Reply.Redirect);
        var transport = new RestTransport(ExchangeId.Binance, server.BaseUri, Gates.Binance(), new BinanceErrorReader(ExchangeId.Binance));

        var e = await Assert.ThrowsAsync<FxException>(() => transport.SendAsync(new RestRequest(HttpMethod.Post, "api/v3/order").Add("symbol", "BTCUSDT"), default));

        Assert.Equal("Fluxum.Redirected", e.ErrorId);
        Assert.Contains("/moved", e.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_state_changing_request_without_parameters_still_carries_an_empty_body()
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Reply.Ok);
        var transport = new RestTransport(ExchangeId.Binance, server.BaseUri, Gates.Binance(), new BinanceErrorReader(ExchangeId.Binance));
        using var doc = await transport.SendAsync(new RestRequest(HttpMethod.Delete, "api/v3/userDataStream"), default);
        var delete = Assert.Single(server.Requests);
        Assert.Equal("0", delete.Headers["Content-Length"]);
        Assert.Equal("/api/v3/userDataStream", delete.Target);
    }

    private sealed class ListHost : IFxHost
    {
        public List<string> Lines { get; } = new();
        public void Verbose(string message) => Lines.Add(message);
        public void Warning(string message) => Lines.Add(message);
        public void Debug(string message) => Lines.Add(message);
        public void Progress(FxProgress progress) { }
    }
}
