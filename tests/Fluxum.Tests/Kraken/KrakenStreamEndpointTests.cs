using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Fluxum.Books;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Models;
using Fluxum.Symbols;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Kraken.Streams;

namespace Fluxum.Tests.Kraken;

/// <summary>
/// The test exchange's Kraken WebSocket v2 endpoint, read by the engine's own stream parsers: if the server and the
/// parsers disagreed on the wire format or the checksum rule, these books would not verify.
/// </summary>
public class KrakenStreamEndpointTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Status_comes_first_then_the_book_ack_and_snapshot_and_every_update_verifies()
    {
        await using var server = await TestExchangeServer.StartAsync();
        await using var client = await Client.ConnectAsync(server);

        var status = await client.NextAsync();
        Assert.Equal(KrakenFrameKind.Status, KrakenStreamParsers.Classify(status).Kind);
        Assert.Equal("online", KrakenStreamParsers.Status(status).System);

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10},"req_id":7}""");
        var ack = KrakenStreamParsers.Classify(await client.NextAsync());
        Assert.Equal(KrakenFrameKind.Subscribed, ack.Kind);
        Assert.True(ack.Success);
        Assert.Equal(7, ack.RequestId);
        Assert.Equal("book", ack.Channel);
        Assert.Equal("BTC/USD", ack.Symbol);

        var book = new LocalOrderBook(ExchangeId.Kraken, "BTC/USD", "XBTUSD");
        var snapshot = Assert.Single(KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book)));
        Assert.True(snapshot.IsSnapshot);
        Assert.Equal(10, snapshot.Bids.Length);
        Assert.Equal(10, snapshot.Asks.Length);
        Assert.Equal(DiffResult.Applied, snapshot.ApplyTo(book, 10));

        for (int n = 0; n < 20; n++)
        {
            var update = Assert.Single(KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book)));
            Assert.False(update.IsSnapshot);
            Assert.Equal(DiffResult.Applied, update.ApplyTo(book, 10));
        }

        // Once the book stops moving and the last update is in, the client's book is the server's, digit for digit.
        server.KrakenStreams.BookChangesPaused = true;
        await client.DrainAsync(TimeSpan.FromMilliseconds(600), f =>
        {
            if (KrakenStreamParsers.Classify(f).Kind == KrakenFrameKind.Book) Assert.Equal(DiffResult.Applied, KrakenStreamParsers.Books(f)[0].ApplyTo(book, 10));
        });
        var expected = server.KrakenStreams.Book("BTC/USD", 10);
        Assert.Equal(Texts(expected.Bids), Texts(Enumerable.Range(0, book.Bids.Count).Select(k => book.Bids[k])));
        Assert.Equal(Texts(expected.Asks), Texts(Enumerable.Range(0, book.Asks.Count).Select(k => book.Asks[k])));
        Assert.True(book.IsValid);
    }

    [Theory]
    [InlineData("ETH/BTC", 25)]
    [InlineData("SOL/USD", 100)]
    [InlineData("BTC/USDT", 1000)]
    public async Task Books_of_every_depth_are_cut_to_it_and_verify(string symbol, int depth)
    {
        await using var server = await TestExchangeServer.StartAsync();
        await using var client = await Client.ConnectAsync(server);
        await client.SendAsync(JsonSerializer.Serialize(new { method = "subscribe", @params = new { channel = "book", symbol = new[] { symbol }, depth } }));
        var book = new LocalOrderBook(ExchangeId.Kraken, symbol, symbol);
        var snapshot = KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book))[0];
        Assert.Equal(depth, snapshot.Bids.Length);
        Assert.Equal(DiffResult.Applied, snapshot.ApplyTo(book, depth));
        for (int n = 0; n < 30; n++)
        {
            Assert.Equal(DiffResult.Applied, KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book))[0].ApplyTo(book, depth));
        }

        Assert.Equal(depth, book.Bids.Count);
        Assert.Equal(depth, book.Asks.Count);
        var sub = Assert.Single(server.KrakenStreams.Subscriptions);
        Assert.Equal(("book", symbol, depth), (sub.Channel, sub.Symbol, sub.Depth));
    }

    [Fact]
    public async Task Trades_tickers_and_candles_parse_into_the_model_with_the_symbols_of_asset_pairs()
    {
        await using var server = await TestExchangeServer.StartAsync();
        var lookup = await LookupAsync(server);
        await using var client = await Client.ConnectAsync(server);
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"]},"req_id":1}""");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":2}""");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"ohlc","symbol":["BTC/USD"],"interval":5},"req_id":3}""");

        var trades = KrakenStreamParsers.Trades(await client.NextAsync(KrakenFrameKind.Trade), lookup);
        Assert.Equal(50, trades.Count);
        Assert.All(trades, t => Assert.Equal(("BTC/USD", "XBTUSD"), (t.Symbol, t.NativeSymbol)));
        Assert.Equal(Enumerable.Range(0, 50).Select(k => long.Parse(trades[0].Id) + k), trades.Select(t => long.Parse(t.Id)));
        Assert.All(trades, t => Assert.True(t.Price > 0 && t.Quantity > 0 && t.Time <= server.Now));

        var ticker = Assert.Single(KrakenStreamParsers.Tickers(await client.NextAsync(KrakenFrameKind.Ticker), lookup));
        Assert.Equal("BTC/USD", ticker.Symbol);
        Assert.True(ticker.BidPrice < ticker.AskPrice);
        Assert.True(ticker.LowPrice <= ticker.HighPrice && ticker.Volume > 0 && ticker.LastPrice > 0);
        Assert.Equal(ticker.LastPrice - ticker.PriceChange, ticker.OpenPrice);

        var candles = KrakenStreamParsers.Candles(await client.NextAsync(KrakenFrameKind.Ohlc), lookup);
        Assert.Equal(10, candles.Count);
        Assert.All(candles, c => Assert.Equal("5m", c.Interval));
        Assert.All(candles.Zip(candles.Skip(1)), p => Assert.Equal(p.First.OpenTime.AddMinutes(5), p.Second.OpenTime));
        Assert.All(candles.SkipLast(1), c => Assert.True(c.IsClosed));
        Assert.False(candles[^1].IsClosed);
        Assert.All(candles, c => Assert.True(c.Low <= c.Open && c.Open <= c.High && c.Volume > 0));

        // BTC/USD prints about once a second: each print is a trade update, a ticker update and a candle update.
        var update = await client.NextAsync(KrakenFrameKind.Trade);
        Assert.Equal("update", update.GetProperty("type").GetString());
        Assert.True(long.Parse(KrakenStreamParsers.Trades(update, lookup)[0].Id) > long.Parse(trades[^1].Id));
        Assert.Single(KrakenStreamParsers.Candles(await client.NextAsync(KrakenFrameKind.Ohlc), lookup));
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_and_its_req_id()
    {
        await using var server = await TestExchangeServer.StartAsync();
        await using var client = await Client.ConnectAsync(server);
        await client.SendAsync("""{"method":"ping","req_id":101}""");
        var pong = KrakenStreamParsers.Classify(await client.NextAsync(KrakenFrameKind.Pong));
        Assert.Equal(101, pong.RequestId);
    }

    [Fact]
    public async Task Heartbeats_come_every_second_only_while_subscribed()
    {
        await using var server = await TestExchangeServer.StartAsync();
        await using var client = await Client.ConnectAsync(server);
        var idle = new List<KrakenFrameKind>();
        await client.DrainAsync(TimeSpan.FromMilliseconds(1500), f => idle.Add(KrakenStreamParsers.Classify(f).Kind));
        Assert.Equal(new[] { KrakenFrameKind.Status }, idle);

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["ETH/USD"],"snapshot":false}}""");
        var heartbeats = 0;
        await client.DrainAsync(TimeSpan.FromMilliseconds(3500), f => heartbeats += KrakenStreamParsers.Classify(f).Kind == KrakenFrameKind.Heartbeat ? 1 : 0);
        Assert.InRange(heartbeats, 2, 5);
    }

    [Fact]
    public async Task Bad_requests_are_refused_like_kraken_does_and_unsubscribe_ends_a_feed()
    {
        await using var server = await TestExchangeServer.StartAsync();
        await using var client = await Client.ConnectAsync(server);

        // v2 names bitcoin BTC; the v1 name that AssetPairs still gives as wsname is not accepted.
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["XBT/USD"]},"req_id":1}""");
        var refused = KrakenStreamParsers.Classify(await client.NextAsync(KrakenFrameKind.Subscribed));
        Assert.False(refused.Success);
        Assert.Equal(1, refused.RequestId);
        Assert.Equal("Currency pair not supported XBT/USD", refused.Error);
        Assert.Equal("XBT/USD", refused.Symbol);

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"level9","symbol":["BTC/USD"]},"req_id":2}""");
        var channel = KrakenStreamParsers.Classify(await client.NextAsync(KrakenFrameKind.Subscribed));
        Assert.False(channel.Success);
        Assert.Contains("level9", channel.Error);

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":15},"req_id":3}""");
        Assert.False(KrakenStreamParsers.Classify(await client.NextAsync(KrakenFrameKind.Subscribed)).Success);
        Assert.Empty(server.KrakenStreams.Subscriptions);

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"ohlc","symbol":["SOL/USD"],"interval":15,"snapshot":false},"req_id":4}""");
        Assert.True(KrakenStreamParsers.Classify(await client.NextAsync(KrakenFrameKind.Subscribed)).Success);
        var sub = Assert.Single(server.KrakenStreams.Subscriptions);
        Assert.Equal(("ohlc", "SOL/USD", 15), (sub.Channel, sub.Symbol, sub.Interval));

        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"ohlc","symbol":["SOL/USD"]},"req_id":5}""");
        var gone = KrakenStreamParsers.Classify(await client.NextAsync(KrakenFrameKind.Unsubscribed));
        Assert.True(gone.Success);
        Assert.Equal(5, gone.RequestId);
        Assert.Empty(server.KrakenStreams.Subscriptions);

        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"ohlc","symbol":["SOL/USD"]},"req_id":6}""");
        Assert.Equal("Subscription Not Found", KrakenStreamParsers.Classify(await client.NextAsync(KrakenFrameKind.Unsubscribed)).Error);
    }

    [Fact]
    public async Task Drop_aborts_every_connection_and_the_counters_say_so()
    {
        await using var server = await TestExchangeServer.StartAsync();
        await using var a = await Client.ConnectAsync(server);
        await using var b = await Client.ConnectAsync(server);
        await a.NextAsync(KrakenFrameKind.Status);
        await b.NextAsync(KrakenFrameKind.Status);
        Assert.Equal(2, server.KrakenStreams.OpenConnections);

        server.KrakenStreams.Inject(KrakenStreamFault.Drop);
        await Assert.ThrowsAsync<WebSocketException>(() => a.NextAsync());
        await Assert.ThrowsAsync<WebSocketException>(() => b.NextAsync());
        await Eventually(() => server.KrakenStreams.OpenConnections == 0);
        Assert.Equal(2, server.KrakenStreams.AcceptedConnections);
    }

    [Theory]
    [InlineData(KrakenStreamFault.BadChecksum)]
    [InlineData(KrakenStreamFault.SkipUpdate)]
    public async Task Checksum_faults_break_the_clients_book_within_a_few_updates(KrakenStreamFault fault)
    {
        await using var server = await TestExchangeServer.StartAsync();
        await using var client = await Client.ConnectAsync(server);
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}""");
        var book = new LocalOrderBook(ExchangeId.Kraken, "BTC/USD", "XBTUSD");
        Assert.Equal(DiffResult.Applied, KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book))[0].ApplyTo(book, 10));
        for (int n = 0; n < 3; n++) Assert.Equal(DiffResult.Applied, KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book))[0].ApplyTo(book, 10));

        server.KrakenStreams.Inject(fault);
        var updates = 0;
        while (book.IsValid)
        {
            Assert.True(++updates <= 30, "The fault never showed in the book's checksum.");
            KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book))[0].ApplyTo(book, 10);
        }

        // A resubscription is how a client recovers: a fresh snapshot verifies again.
        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}""");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}""");
        var fresh = new LocalOrderBook(ExchangeId.Kraken, "BTC/USD", "XBTUSD");
        JsonElement frame;
        do frame = await client.NextAsync(KrakenFrameKind.Book);
        while (frame.GetProperty("type").GetString() != "snapshot");
        Assert.Equal(DiffResult.Applied, KrakenStreamParsers.Books(frame)[0].ApplyTo(fresh, 10));
        Assert.Equal(DiffResult.Applied, KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book))[0].ApplyTo(fresh, 10));
    }

    [Fact]
    public async Task Malformed_sends_a_frame_that_is_not_json_and_the_stream_goes_on()
    {
        await using var server = await TestExchangeServer.StartAsync();
        await using var client = await Client.ConnectAsync(server);
        await client.NextAsync(KrakenFrameKind.Status);
        server.KrakenStreams.Inject(KrakenStreamFault.Malformed);
        var text = await client.NextTextAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));

        await client.SendAsync("""{"method":"ping","req_id":5}""");
        Assert.Equal(5, KrakenStreamParsers.Classify(await client.NextAsync(KrakenFrameKind.Pong)).RequestId);
    }

    [Fact]
    public async Task Silence_stops_every_frame_for_a_while_and_the_book_still_verifies_after_it()
    {
        await using var server = await TestExchangeServer.StartAsync();
        await using var client = await Client.ConnectAsync(server);
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["ETH/USD"],"depth":25}}""");
        var book = new LocalOrderBook(ExchangeId.Kraken, "ETH/USD", "ETHUSD");
        Assert.Equal(DiffResult.Applied, KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book))[0].ApplyTo(book, 25));
        Assert.Equal(DiffResult.Applied, KrakenStreamParsers.Books(await client.NextAsync(KrakenFrameKind.Book))[0].ApplyTo(book, 25));

        server.KrakenStreams.Inject(KrakenStreamFault.Silence, TimeSpan.FromSeconds(2));
        var arrivals = new List<DateTime>();
        await client.DrainAsync(TimeSpan.FromSeconds(3), f =>
        {
            arrivals.Add(DateTime.UtcNow);
            if (KrakenStreamParsers.Classify(f).Kind == KrakenFrameKind.Book) Assert.Equal(DiffResult.Applied, KrakenStreamParsers.Books(f)[0].ApplyTo(book, 25));
        });

        var longestGap = arrivals.Zip(arrivals.Skip(1), (x, y) => y - x).DefaultIfEmpty().Max();
        Assert.True(longestGap >= TimeSpan.FromSeconds(1.5), $"The longest quiet spell was {longestGap}.");
        Assert.True(arrivals[^1] - arrivals[0] >= TimeSpan.FromSeconds(1.5), "Frames did not resume after the silence.");
        Assert.True(book.IsValid);
    }

    [Fact]
    public async Task A_plain_http_request_is_told_to_upgrade()
    {
        await using var server = await TestExchangeServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var response = await http.GetAsync("v2");
        Assert.Equal(System.Net.HttpStatusCode.UpgradeRequired, response.StatusCode);
    }

    private static IEnumerable<string> Texts(IEnumerable<(decimal Price, decimal Quantity)> levels) =>
        levels.Select(l => l.Price.ToString(CultureInfo.InvariantCulture) + "@" + l.Quantity.ToString(CultureInfo.InvariantCulture));

    /// <summary>The symbols as a client knows them: from the exchange's own AssetPairs, resolved by v2 name.</summary>
    private static async Task<Func<string, SymbolInfo?>> LookupAsync(TestExchangeServer server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var doc = JsonDocument.Parse(await http.GetStringAsync("0/public/AssetPairs"));
        var catalog = new SymbolCatalog(ExchangeId.Kraken, KrakenParsers.Symbols(doc.RootElement), DateTimeOffset.UtcNow);
        return name => catalog.TryResolve(name, out var s) ? s : null;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var until = DateTime.UtcNow + Wait; !condition(); await Task.Delay(20))
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not become true.");
        }
    }

    /// <summary>A bare v2 client: a pump reads the socket into a queue, so waiting for frames never disturbs the socket.</summary>
    private sealed class Client : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly Channel<string> _frames = Channel.CreateUnbounded<string>();
        private Task _pump = Task.CompletedTask;

        public static async Task<Client> ConnectAsync(TestExchangeServer server)
        {
            var client = new Client();
            var uri = new UriBuilder(server.BaseUri) { Scheme = "ws", Path = "/v2" }.Uri;
            await client._socket.ConnectAsync(uri, CancellationToken.None);
            client._pump = Task.Run(client.PumpAsync);
            return client;
        }

        public Task SendAsync(string json) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

        public async Task<string> NextTextAsync()
        {
            using var timeout = new CancellationTokenSource(Wait);
            try
            {
                return await _frames.Reader.ReadAsync(timeout.Token);
            }
            catch (ChannelClosedException e)
            {
                throw e.InnerException as WebSocketException ?? new WebSocketException("The connection ended.");
            }
        }

        public async Task<JsonElement> NextAsync()
        {
            using var doc = JsonDocument.Parse(await NextTextAsync());
            return doc.RootElement.Clone();
        }

        /// <summary>The next frame of a kind, skipping others (status, heartbeats, other channels).</summary>
        public async Task<JsonElement> NextAsync(KrakenFrameKind kind)
        {
            for (int skipped = 0; skipped < 500; skipped++)
            {
                var frame = await NextAsync();
                if (KrakenStreamParsers.Classify(frame).Kind == kind) return frame;
            }

            throw new Xunit.Sdk.XunitException($"No {kind} frame arrived.");
        }

        /// <summary>Hands every frame arriving within <paramref name="duration"/> to <paramref name="each"/>.</summary>
        public async Task DrainAsync(TimeSpan duration, Action<JsonElement> each)
        {
            using var until = new CancellationTokenSource(duration);
            try
            {
                while (true)
                {
                    var text = await _frames.Reader.ReadAsync(until.Token);
                    using var doc = JsonDocument.Parse(text);
                    each(doc.RootElement);
                }
            }
            catch (OperationCanceledException) when (until.IsCancellationRequested)
            {
                // The time is up.
            }
        }

        private async Task PumpAsync()
        {
            var buffer = new byte[1 << 20];
            try
            {
                while (true)
                {
                    int count = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                        count += result.Count;
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _frames.Writer.TryComplete(new WebSocketException("The server closed the connection."));
                        return;
                    }

                    _frames.Writer.TryWrite(Encoding.UTF8.GetString(buffer, 0, count));
                }
            }
            catch (Exception e)
            {
                _frames.Writer.TryComplete(e as WebSocketException ?? new WebSocketException(e.Message, e));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_socket.State == WebSocketState.Open)
            {
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    // Already gone.
                }
            }

            _socket.Abort();
            await _pump;
            _socket.Dispose();
        }
    }
}
