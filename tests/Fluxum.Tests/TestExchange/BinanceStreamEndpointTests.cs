using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Fluxum.Books;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Models;
using Fluxum.Tests.Support;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Streams;

namespace Fluxum.Tests.TestExchange;

/// <summary>One test exchange with quick stream cadences (trades every 20 ms, pings every 200 ms) for the stream endpoint tests.</summary>
public sealed class FastStreamServerFixture : IAsyncLifetime
{
    public TestExchangeServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestExchangeServer.StartAsync(new TestExchangeOptions
    {
        StreamTradeInterval = TimeSpan.FromMilliseconds(20),
        StreamTickerInterval = TimeSpan.FromMilliseconds(200),
        StreamKlineInterval = TimeSpan.FromMilliseconds(200),
        StreamDepthSlowInterval = TimeSpan.FromMilliseconds(300),
        StreamPingInterval = TimeSpan.FromMilliseconds(200),
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The test exchange's Binance WebSocket endpoints, driven with a plain ClientWebSocket.</summary>
public sealed class BinanceStreamEndpointTests : IClassFixture<FastStreamServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly SymbolInfo Btc = new() { Exchange = ExchangeId.Binance, Symbol = "BTC/USDT", NativeSymbol = "BTCUSDT", BaseAsset = "BTC", QuoteAsset = "USDT" };
    private readonly TestExchangeServer _server;

    public BinanceStreamEndpointTests(FastStreamServerFixture fixture)
    {
        _server = fixture.Server;
        _server.BinanceStreams.ClearFaults();
        _server.Requests.Clear();
    }

    /// <summary>Connections of the previous test may still be closing on the server; counts and faults must not see them.</summary>
    public async Task InitializeAsync() => Assert.True(await _server.BinanceStreams.WaitForAsync(c => c.Count == 0, Wait));

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Ws> Connect(string path) => Ws.ConnectAsync(new Uri(_server.WebSocketUri, path));

    [Fact]
    public async Task Combined_streams_wrap_each_event_with_its_name_and_every_kind_parses_with_the_client_parsers()
    {
        const string names = "btcusdt@trade/btcusdt@aggTrade/btcusdt@kline_1s/btcusdt@ticker/btcusdt@miniTicker/btcusdt@bookTicker/btcusdt@depth@100ms";
        await using var ws = await Connect("stream?streams=" + names);
        var seen = new HashSet<string>();
        while (seen.Count < 7)
        {
            using var doc = JsonDocument.Parse(await ws.NextAsync());
            var stream = doc.RootElement.GetProperty("stream").GetString()!;
            var data = BinanceStreamParsers.Payload(doc.RootElement);
            Assert.NotEqual(doc.RootElement, data);
            switch (stream)
            {
                case "btcusdt@trade":
                    Assert.True(BinanceStreamParsers.Trade(data, Btc).Price > 0);
                    break;
                case "btcusdt@aggTrade":
                    Assert.True(BinanceStreamParsers.AggregateTrade(data, Btc).Quantity > 0);
                    break;
                case "btcusdt@kline_1s":
                    Assert.Equal("1s", BinanceStreamParsers.Kline(data, Btc).Interval);
                    break;
                case "btcusdt@ticker":
                    Assert.Equal("24hrTicker", BinanceStreamParsers.EventType(data));
                    Assert.NotNull(BinanceStreamParsers.Ticker(data, Btc).BidPrice);
                    break;
                case "btcusdt@miniTicker":
                    Assert.Equal("24hrMiniTicker", BinanceStreamParsers.EventType(data));
                    Assert.True(BinanceStreamParsers.Ticker(data, Btc).LastPrice > 0);
                    break;
                case "btcusdt@bookTicker":
                    Assert.Equal("bookTicker", BinanceStreamParsers.EventType(data));
                    var t = BinanceStreamParsers.BookTicker(data, Btc);
                    Assert.True(t.BidPrice < t.AskPrice);
                    break;
                case "btcusdt@depth@100ms":
                    var d = BinanceStreamParsers.DepthUpdate(data);
                    Assert.True(d.FirstUpdateId <= d.LastUpdateId);
                    break;
                default:
                    Assert.Fail("Unexpected stream " + stream);
                    break;
            }

            seen.Add(stream);
        }

        await using var raw = await Connect("ws/ethusdt@trade");
        using var bare = JsonDocument.Parse(await raw.NextAsync());
        Assert.False(bare.RootElement.TryGetProperty("stream", out _));
        Assert.Equal("ETHUSDT", bare.RootElement.GetProperty("s").GetString());
        Assert.Contains(_server.Requests.All, r => r.Path == "/stream");
        Assert.Contains(_server.Requests.All, r => r.Path == "/ws/ethusdt@trade");
    }

    [Fact]
    public async Task Subscribe_list_and_unsubscribe_answer_with_their_ids_and_bad_requests_get_binance_errors()
    {
        await using var ws = await Connect("ws");
        var reply = await ws.Request("""{"method":"SUBSCRIBE","params":["btcusdt@trade","ethusdt@depth"],"id":1}""", 1);
        Assert.Equal("""{"result":null,"id":1}""", reply.GetRawText());
        Assert.True(await _server.BinanceStreams.WaitForAsync(c => c.Any(x => x.Subscriptions.SequenceEqual(new[] { "btcusdt@trade", "ethusdt@depth" })), Wait));

        reply = await ws.Request("""{"method":"LIST_SUBSCRIPTIONS","id":2}""", 2);
        Assert.Equal(new[] { "btcusdt@trade", "ethusdt@depth" }, reply.GetProperty("result").EnumerateArray().Select(e => e.GetString()));
        reply = await ws.Request("""{"method":"UNSUBSCRIBE","params":["btcusdt@trade"],"id":3}""", 3);
        Assert.Equal("""{"result":null,"id":3}""", reply.GetRawText());
        reply = await ws.Request("""{"method":"LIST_SUBSCRIPTIONS","id":4}""", 4);
        Assert.Equal("""{"result":["ethusdt@depth"],"id":4}""", reply.GetRawText());

        reply = await ws.Request("""{"method":"SUBSCRIBE","params":["xyzusdt@trade","btcusdt@trade"],"id":5}""", 5);
        Assert.Equal(2, reply.GetProperty("error").GetProperty("code").GetInt32());
        Assert.StartsWith("Invalid request: unknown symbol", reply.GetProperty("error").GetProperty("msg").GetString());
        reply = await ws.Request("""{"method":"FROBNICATE","id":6}""", 6);
        Assert.Equal(2, reply.GetProperty("error").GetProperty("code").GetInt32());
        await ws.Paced();
        await ws.SendAsync("{not json");
        var invalid = await ws.NextJsonAsync(e => e.TryGetProperty("error", out _));
        Assert.Equal(3, invalid.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, invalid.GetProperty("id").ValueKind);

        var held = Assert.Single(_server.BinanceStreams.Connections, c => c.Subscriptions.Contains("ethusdt@depth"));
        Assert.Equal(new[] { "ethusdt@depth" }, held.Subscriptions);
    }

    [Fact]
    public async Task More_than_five_messages_in_a_second_close_the_connection_as_a_policy_violation()
    {
        await using var ws = await Connect("ws");
        for (int n = 1; n <= 6; n++) await ws.SendAsync($$"""{"method":"LIST_SUBSCRIPTIONS","id":{{n}}}""");
        Assert.True(await ws.ClosedWithin(Wait));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, ws.Socket.CloseStatus);
        Assert.Equal("Too many requests", ws.Socket.CloseStatusDescription);

        await using var paced = await Connect("ws");
        for (int n = 1; n <= 6; n++) await paced.Request($$"""{"method":"LIST_SUBSCRIPTIONS","id":{{n}}}""", n);
        Assert.Equal(WebSocketState.Open, paced.Socket.State);
    }

    [Fact]
    public async Task A_connection_holds_at_most_the_configured_number_of_streams()
    {
        await using var server = await TestExchangeServer.StartAsync(new TestExchangeOptions { StreamMaxPerConnection = 3 });
        await using var ws = await Ws.ConnectAsync(new Uri(server.WebSocketUri, "ws/btcusdt@trade/ethusdt@trade"));
        var reply = await ws.Request("""{"method":"SUBSCRIBE","params":["solusdt@trade","bnbusdt@trade"],"id":7}""", 7);
        Assert.Equal(2, reply.GetProperty("error").GetProperty("code").GetInt32());
        reply = await ws.Request("""{"method":"SUBSCRIBE","params":["solusdt@trade","btcusdt@trade"],"id":8}""", 8);
        Assert.Equal("""{"result":null,"id":8}""", reply.GetRawText());
        Assert.Equal(3, Assert.Single(server.BinanceStreams.Connections).Subscriptions.Count);
        Assert.Equal(1, server.BinanceStreams.ConnectionsAccepted);
    }

    [Fact]
    public async Task Depth_diffs_chain_and_a_rest_snapshot_lines_up_with_them_into_the_servers_book()
    {
        await using var ws = await Connect("ws/btcusdt@depth@100ms");
        var buffered = new List<DepthDiff> { await NextDiff(ws) };
        using var http = new HttpClient { BaseAddress = _server.BaseUri };
        using var snapshot = JsonDocument.Parse(await http.GetStringAsync("api/v3/depth?symbol=BTCUSDT&limit=1000"));
        var lastUpdateId = snapshot.RootElement.GetProperty("lastUpdateId").GetInt64();
        Assert.True(lastUpdateId >= buffered[0].FirstUpdateId - 1);

        var book = new LocalOrderBook(ExchangeId.Binance, "BTC/USDT", "BTCUSDT");
        book.LoadSnapshot(lastUpdateId, Levels(snapshot.RootElement.GetProperty("bids")), Levels(snapshot.RootElement.GetProperty("asks")), DateTimeOffset.UtcNow);
        while (buffered.Count < 15) buffered.Add(await NextDiff(ws));
        for (int k = 1; k < buffered.Count; k++) Assert.Equal(buffered[k - 1].LastUpdateId + 1, buffered[k].FirstUpdateId);

        var applied = 0;
        foreach (var diff in buffered.Where(d => d.LastUpdateId > lastUpdateId))
        {
            Assert.Equal(DiffResult.Applied, book.ApplyDiff(diff));
            applied++;
        }

        Assert.True(applied >= 10);
        var server = _server.BinanceStreams.BookAt("BTCUSDT", book.LastUpdateId, 200);
        Assert.NotNull(server);
        Assert.Equal(book.LastUpdateId, server.LastUpdateId);
        Assert.Equal(server.Bids, Enumerable.Range(0, 200).Select(k => book.Bids[k]));
        Assert.Equal(server.Asks, Enumerable.Range(0, 200).Select(k => book.Asks[k]));
        Assert.Null(_server.BinanceStreams.BookAt("BTCUSDT", 1, 10));
    }

    [Theory]
    [InlineData(StreamFaultKind.Gap)]
    [InlineData(StreamFaultKind.Duplicate)]
    [InlineData(StreamFaultKind.Reorder)]
    public async Task Depth_faults_break_the_sequence_the_way_they_say(StreamFaultKind kind)
    {
        await using var ws = await Connect("stream?streams=solusdt@depth@100ms");
        var before = new List<DepthDiff>();
        for (int k = 0; k < 3; k++) before.Add(await NextDiff(ws));
        _server.BinanceStreams.Inject(new StreamFault { Kind = kind, Stream = "solusdt@depth" });
        var diffs = new List<DepthDiff>(before);
        for (int k = 0; k < 12; k++) diffs.Add(await NextDiff(ws));

        var breaks = Enumerable.Range(1, diffs.Count - 1).Where(k => diffs[k].FirstUpdateId != diffs[k - 1].LastUpdateId + 1).ToList();
        var first = Assert.Single(breaks.Take(1));
        var (a, b) = (diffs[first - 1], diffs[first]);
        switch (kind)
        {
            case StreamFaultKind.Gap:
                Assert.Single(breaks);
                Assert.True(b.FirstUpdateId > a.LastUpdateId + 1);
                break;
            case StreamFaultKind.Duplicate:
                Assert.Single(breaks);
                Assert.Equal((a.FirstUpdateId, a.LastUpdateId), (b.FirstUpdateId, b.LastUpdateId));
                break;
            case StreamFaultKind.Reorder:
                Assert.True(b.FirstUpdateId > a.LastUpdateId + 1);
                var c = diffs[first + 1];
                Assert.Equal(a.LastUpdateId + 1, c.FirstUpdateId);
                Assert.Equal(c.LastUpdateId + 1, b.FirstUpdateId);
                break;
        }

        Assert.Empty(_server.BinanceStreams.PendingFaults);
    }

    [Fact]
    public async Task Malformed_sends_a_cut_frame_and_an_unknown_event_and_the_stream_goes_on()
    {
        await using var ws = await Connect("ws/bnbusdt@trade");
        await ws.NextAsync();
        Assert.Equal(1, _server.BinanceStreams.Inject(new StreamFault { Kind = StreamFaultKind.Malformed, Stream = "bnbusdt" }));
        string text;
        do text = await ws.NextAsync();
        while (text != """{"e":"trade",""");
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        using var unknown = JsonDocument.Parse(await ws.NextAsync());
        Assert.Equal("fluxumUnknownEvent", BinanceStreamParsers.EventType(unknown.RootElement));
        using var next = JsonDocument.Parse(await ws.NextAsync());
        Assert.Equal("trade", BinanceStreamParsers.EventType(next.RootElement));
    }

    [Fact]
    public async Task DuplicateTrade_sends_the_next_trade_twice_byte_for_byte_and_a_client_close_is_recorded_with_its_status()
    {
        await using var ws = await Connect("ws/ethusdt@trade");
        var previous = await ws.NextAsync();
        Assert.Equal(1, _server.BinanceStreams.Inject(new StreamFault { Kind = StreamFaultKind.DuplicateTrade, Stream = "ethusdt@trade" }));
        var repeats = 0;
        for (int k = 0; k < 10; k++)
        {
            var next = await ws.NextAsync();
            if (next == previous) repeats++;
            previous = next;
        }

        Assert.Equal(1, repeats);
        var id = _server.BinanceStreams.Connections.Single(c => c.Subscriptions.Contains("ethusdt@trade")).Id;
        await ws.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", default);
        Assert.True(await _server.BinanceStreams.WaitForAsync(c => c.All(x => x.Id != id), Wait));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, _server.BinanceStreams.ClosedConnections.Single(c => c.Id == id).ClientCloseStatus);
    }

    [Fact]
    public async Task Drop_aborts_only_the_matching_connections_and_the_counters_follow()
    {
        var accepted = _server.BinanceStreams.ConnectionsAccepted;
        await using var btc = await Connect("ws/btcusdt@trade");
        await using var eth = await Connect("ws/ethusdt@trade");
        Assert.Equal(accepted + 2, _server.BinanceStreams.ConnectionsAccepted);
        Assert.True(await _server.BinanceStreams.WaitForAsync(c => c.Count(x => x.Subscriptions.Contains("ethusdt@trade")) == 1, Wait));

        Assert.Equal(1, _server.BinanceStreams.Inject(new StreamFault { Kind = StreamFaultKind.Drop, Stream = "ethusdt@trade" }));
        Assert.True(await eth.ClosedWithin(Wait));
        Assert.Null(eth.Socket.CloseStatus);
        Assert.True(await _server.BinanceStreams.WaitForAsync(c => !c.Any(x => x.Subscriptions.Contains("ethusdt@trade")), Wait));
        await btc.NextAsync();
        Assert.Equal(WebSocketState.Open, btc.Socket.State);
    }

    [Fact]
    public async Task Silence_holds_back_events_and_pings_then_lets_them_through()
    {
        await using var quiet = await Connect("ws");
        var info = await Single(quiet);
        await Task.Delay(700);
        var pinged = Bytes(info.Id);
        Assert.True(pinged > 0, "the 200 ms pings should have written something");

        await using var ws = await Connect("ws/ethbtc@trade");
        await ws.NextAsync();
        Assert.Equal(2, _server.BinanceStreams.Inject(new StreamFault { Kind = StreamFaultKind.Silence, Duration = TimeSpan.FromMilliseconds(1500) }));
        await Task.Delay(200);
        ws.Drain();
        var held = Bytes(info.Id);
        Assert.True(await ws.NothingWithin(TimeSpan.FromMilliseconds(800)));
        Assert.Equal(held, Bytes(info.Id));
        await ws.NextAsync();
        Assert.True(await _server.BinanceStreams.WaitForAsync(_ => Bytes(info.Id) > held, Wait));
    }

    [Fact]
    public async Task A_planned_disconnect_sends_server_shutdown_then_closes_normally()
    {
        await using var ws = await Connect("stream?streams=btcusdt@trade");
        await ws.NextAsync();
        _server.BinanceStreams.Inject(new StreamFault { Kind = StreamFaultKind.PlannedDisconnect, Path = "/stream" });
        var shutdown = await ws.NextJsonAsync(e => e.TryGetProperty("e", out var t) && t.GetString() == "serverShutdown");
        Assert.True(shutdown.GetProperty("E").GetInt64() > 0);
        Assert.True(await ws.ClosedWithin(Wait));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, ws.Socket.CloseStatus);
    }

    [Fact]
    public async Task Refused_upgrades_get_503_until_the_fault_is_used_up_and_the_http_control_route_sets_it()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUri };
        var posted = await http.PostAsync("__fluxum/stream-faults",
            new StringContent("""{"kind":"RefuseConnections","times":2}""", Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
        var refused = _server.BinanceStreams.ConnectionsRefused;
        for (int k = 0; k < 2; k++)
        {
            var e = await Assert.ThrowsAsync<WebSocketException>(() => Connect("ws/btcusdt@trade"));
            Assert.Contains("503", e.Message);
        }

        Assert.Equal(refused + 2, _server.BinanceStreams.ConnectionsRefused);
        await using var ws = await Connect("ws/btcusdt@trade");
        await ws.NextAsync();
    }

    [Fact]
    public async Task A_burst_of_100000_trades_arrives_complete_with_consecutive_ids()
    {
        await using var ws = await Connect("ws/btcusdt@trade");
        await ws.NextAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(1, _server.BinanceStreams.Burst("btcusdt@trade", 100_000));
        long? previous = null;
        var count = 0;
        while (count < 100_000)
        {
            using var doc = JsonDocument.Parse(await ws.NextAsync());
            var id = doc.RootElement.GetProperty("t").GetInt64();
            if (previous is { } p) Assert.Equal(p + 1, id);
            previous = id;
            count++;
        }

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"100000 trades took {started.Elapsed}");
        Console.WriteLine($"100000 trades in {started.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task User_data_over_the_websocket_api_reports_orders_and_balances_from_the_matching_engine()
    {
        var key = "ws-" + Guid.NewGuid().ToString("N")[..10];
        var secret = "s-" + Guid.NewGuid().ToString("N");
        var account = _server.BinanceAccounts.AddHmacAccount(key, secret);
        account.Deposit("USDT", 50_000m);
        await using var ws = await Connect("ws-api/v3");

        var bad = await ws.Request(SubscribeRequest("a", key, "wrong-secret"), "a");
        Assert.Equal(400, bad.GetProperty("status").GetInt32());
        Assert.Equal(-1022, bad.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("Signature for this request is not valid.", bad.GetProperty("error").GetProperty("msg").GetString());

        var ok = await ws.Request(SubscribeRequest("b", key, secret), "b");
        Assert.Equal("""{"id":"b","status":200,"result":{"subscriptionId":0}}""", ok.GetRawText());
        Assert.Equal("""{"id":"c","status":200,"result":[{"subscriptionId":0}]}""", (await ws.Request("""{"id":"c","method":"session.subscriptions"}""", "c")).GetRawText());
        Assert.Equal("""{"id":7,"status":200,"result":{}}""", (await ws.Request("""{"id":7,"method":"ping"}""", 7)).GetRawText());
        Assert.Contains(_server.BinanceStreams.Connections, c => c.Path == "/ws-api/v3" && c.Subscriptions.Contains($"userData@{key}#0"));

        using var http = new HttpClient { BaseAddress = _server.BaseUri };
        http.DefaultRequestHeaders.Add("X-MBX-APIKEY", key);
        var placed = await Signed(http, HttpMethod.Post, "api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=1000", secret);
        var orderId = placed.GetProperty("orderId").GetInt64();

        var report = await ws.NextJsonAsync(e => Event(e) == "executionReport");
        var expected = Fixture("executionReport_wrapped_doc.json");
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(), report.GetProperty("event").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0, report.GetProperty("subscriptionId").GetInt32());
        var e = report.GetProperty("event");
        Assert.Equal(("NEW", "NEW", orderId), (e.GetProperty("x").GetString(), e.GetProperty("X").GetString(), e.GetProperty("i").GetInt64()));
        var position = (await ws.NextJsonAsync(x => Event(x) == "outboundAccountPosition")).GetProperty("event");
        Assert.Equal(Fixture("outboundAccountPosition_wrapped_doc.json").EnumerateObject().Select(p => p.Name).Order(), position.EnumerateObject().Select(p => p.Name).Order());
        var usdt = position.GetProperty("B").EnumerateArray().Single(b => b.GetProperty("a").GetString() == "USDT");
        Assert.Equal(10m, decimal.Parse(usdt.GetProperty("l").GetString()!, CultureInfo.InvariantCulture));

        await Signed(http, HttpMethod.Delete, "api/v3/order", $"symbol=BTCUSDT&orderId={orderId}", secret);
        var cancelled = (await ws.NextJsonAsync(x => Event(x) == "executionReport")).GetProperty("event");
        Assert.Equal(("CANCELED", "CANCELED"), (cancelled.GetProperty("x").GetString(), cancelled.GetProperty("X").GetString()));
        Assert.Equal(placed.GetProperty("clientOrderId").GetString(), cancelled.GetProperty("C").GetString());

        var market = await Signed(http, HttpMethod.Post, "api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.02", secret);
        var marketId = market.GetProperty("orderId").GetInt64();
        var trades = new List<JsonElement>();
        while (trades.Sum(t => decimal.Parse(t.GetProperty("l").GetString()!, CultureInfo.InvariantCulture)) < 0.02m)
        {
            var r = (await ws.NextJsonAsync(x => Event(x) == "executionReport")).GetProperty("event");
            Assert.Equal(marketId, r.GetProperty("i").GetInt64());
            if (r.GetProperty("x").GetString() == "TRADE") trades.Add(r.Clone());
        }

        Assert.Equal("FILLED", trades[^1].GetProperty("X").GetString());
        Assert.All(trades, t => Assert.Equal("BTC", t.GetProperty("N").GetString()));
        Assert.True(trades.Select(t => t.GetProperty("t").GetInt64()).Distinct().Count() == trades.Count);

        Assert.Equal("""{"id":"d","status":200,"result":{}}""", (await ws.Request("""{"id":"d","method":"userDataStream.unsubscribe"}""", "d")).GetRawText());
        Assert.Equal("""{"id":"e","status":200,"result":[]}""", (await ws.Request("""{"id":"e","method":"session.subscriptions"}""", "e")).GetRawText());
        await Signed(http, HttpMethod.Post, "api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=1000", secret);
        ws.Drain();
        Assert.True(await ws.NothingWithin(TimeSpan.FromMilliseconds(300)));
    }

    private static string Event(JsonElement e) => e.TryGetProperty("event", out var ev) ? ev.GetProperty("e").GetString() ?? "" : "";

    private static JsonElement Fixture(string file)
    {
        using var doc = Fixtures.Json("binance-spot/ws/" + file);
        return doc.RootElement.GetProperty("event").Clone();
    }

    /// <summary>Signed as the WebSocket API wants it: params sorted by name, key=value joined with '&amp;', without the signature.</summary>
    private string SubscribeRequest(string id, string key, string secret)
    {
        var timestamp = _server.Now.ToUnixTimeMilliseconds();
        var payload = $"apiKey={key}&recvWindow=5000&timestamp={timestamp}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));
        return $$$"""{"id":"{{{id}}}","method":"userDataStream.subscribe.signature","params":{"timestamp":{{{timestamp}}},"apiKey":"{{{key}}}","recvWindow":5000,"signature":"{{{signature}}}"}}""";
    }

    private async Task<JsonElement> Signed(HttpClient http, HttpMethod method, string path, string query, string secret)
    {
        query += "&timestamp=" + _server.Now.ToUnixTimeMilliseconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(query)));
        using var response = await http.SendAsync(new HttpRequestMessage(method, $"{path}?{query}&signature={signature}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    private long Bytes(long id) => _server.BinanceStreams.Connections.FirstOrDefault(c => c.Id == id)?.BytesSent ?? -1;

    private async Task<StreamConnectionInfo> Single(Ws ws)
    {
        Assert.True(await _server.BinanceStreams.WaitForAsync(c => c.Count > 0, Wait));
        return _server.BinanceStreams.Connections.Last();
    }

    private static async Task<DepthDiff> NextDiff(Ws ws)
    {
        using var doc = JsonDocument.Parse(await ws.NextAsync());
        return BinanceStreamParsers.DepthUpdate(BinanceStreamParsers.Payload(doc.RootElement));
    }

    private static List<(decimal, decimal)> Levels(JsonElement side) =>
        side.EnumerateArray().Select(l => (decimal.Parse(l[0].GetString()!, CultureInfo.InvariantCulture), decimal.Parse(l[1].GetString()!, CultureInfo.InvariantCulture))).ToList();

    /// <summary>A client socket whose messages are read in the background, so a test can wait for one without aborting the socket.</summary>
    private sealed class Ws : IAsyncDisposable
    {
        private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();
        private Task _reader = Task.CompletedTask;
        private long _lastSentMs;

        public ClientWebSocket Socket { get; } = new();

        public static async Task<Ws> ConnectAsync(Uri uri)
        {
            var ws = new Ws();
            try
            {
                await ws.Socket.ConnectAsync(uri, new CancellationTokenSource(Wait).Token);
            }
            catch
            {
                ws.Socket.Dispose();
                throw;
            }

            ws._reader = ws.ReadAsync();
            return ws;
        }

        public async Task SendAsync(string text) => await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);

        /// <summary>Keeps requests 250 ms apart, under the 5-messages-a-second limit.</summary>
        public async Task Paced()
        {
            var wait = _lastSentMs + 250 - Environment.TickCount64;
            if (wait > 0) await Task.Delay((int)wait);
            _lastSentMs = Environment.TickCount64;
        }

        public async Task<JsonElement> Request(string json, object id)
        {
            await Paced();
            await SendAsync(json);
            var expected = JsonSerializer.Serialize(id);
            return await NextJsonAsync(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var i) && i.GetRawText() == expected);
        }

        public async Task<string> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Wait);
            try
            {
                return await _messages.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No message within " + Wait);
            }
        }

        public async Task<JsonElement> NextJsonAsync(Func<JsonElement, bool> match)
        {
            while (true)
            {
                var text = await NextAsync();
                JsonElement e;
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    e = doc.RootElement.Clone();
                }
                catch (JsonException)
                {
                    continue;
                }

                if (match(e)) return e;
            }
        }

        public void Drain()
        {
            while (_messages.Reader.TryRead(out _))
            {
            }
        }

        public async Task<bool> NothingWithin(TimeSpan span)
        {
            using var timeout = new CancellationTokenSource(span);
            try
            {
                await _messages.Reader.WaitToReadAsync(timeout.Token);
                return false;
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        }

        public async Task<bool> ClosedWithin(TimeSpan span) => await Task.WhenAny(_reader, Task.Delay(span)) == _reader;

        private async Task ReadAsync()
        {
            var buffer = new byte[1 << 16];
            using var message = new MemoryStream();
            try
            {
                while (true)
                {
                    var r = await Socket.ReceiveAsync(buffer, default);
                    if (r.MessageType == WebSocketMessageType.Close) return;
                    message.Write(buffer, 0, r.Count);
                    if (!r.EndOfMessage) continue;
                    _messages.Writer.TryWrite(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
            {
                // Dropped: the test looks at the socket's state.
            }
            finally
            {
                _messages.Writer.TryComplete();
            }
        }

        public async ValueTask DisposeAsync()
        {
            Socket.Abort();
            await _reader;
            Socket.Dispose();
        }
    }
}
