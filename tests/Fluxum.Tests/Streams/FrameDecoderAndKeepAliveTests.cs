using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Streams;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Tests.Support;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Kraken.Streams;

namespace Fluxum.Tests.Streams;

/// <summary>
/// The session's pluggable parts: frame decoders (text JSON, gzip binary as Bitrue sends) and the keep-alive
/// policy each exchange's protocol declares (Binance: server pings; Kraken: heartbeat channel and client ping).
/// </summary>
public sealed class FrameDecoderAndKeepAliveTests : IAsyncLifetime
{
    private TestExchangeServer _server = null!;

    public async Task InitializeAsync() => _server = await TestExchangeServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Gzip_frames_inflate_binary_messages_and_pass_text_through()
    {
        var json = "{\"channel\":\"market_btcusdt_simple_depth_step0\",\"tick\":{\"buys\":[[\"64000.1\",\"0.5\"]]}," +
                   "\"pad\":\"" + new string('x', 40_000) + "\"}";
        var decoder = new GzipFrames();

        var inflated = decoder.Decode(Gzip(json), WebSocketMessageType.Binary);
        Assert.Equal(json, Encoding.UTF8.GetString(inflated.Span));

        var text = Encoding.UTF8.GetBytes("{\"ping\":1}");
        Assert.Equal("{\"ping\":1}", Encoding.UTF8.GetString(decoder.Decode(text, WebSocketMessageType.Text).Span));
    }

    [Fact]
    public void Text_frames_are_the_default_decoder_of_the_protocols()
    {
        IStreamProtocol kraken = KrakenProtocol();
        Assert.Same(TextFrames.Instance, kraken.Decoder);
    }

    [Fact]
    public void Binance_declares_server_pings_and_Kraken_its_heartbeat_channel()
    {
        IStreamProtocol kraken = KrakenProtocol();
        var binance = BinanceMarketStreamProtocol.Policy;

        Assert.True(binance.ServerPings);
        Assert.Null(binance.HeartbeatStaleAfter);
        Assert.False(kraken.KeepAlive.ServerPings);
        Assert.True(kraken.KeepAlive.ApplicationPing);
        Assert.Equal(TimeSpan.FromSeconds(10), kraken.KeepAlive.HeartbeatStaleAfter);
    }

    [Fact]
    public void A_heartbeat_shortens_the_stale_timeout_but_never_lengthens_it()
    {
        var policy = new KeepAlivePolicy { HeartbeatStaleAfter = TimeSpan.FromSeconds(10) };
        Assert.Equal(TimeSpan.FromSeconds(10), policy.StaleAfter(new StreamOptions { StaleTimeout = TimeSpan.FromSeconds(60) }));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.StaleAfter(new StreamOptions { StaleTimeout = TimeSpan.FromSeconds(2) }));
        Assert.Equal(TimeSpan.FromSeconds(60), KeepAlivePolicy.Default.StaleAfter(new StreamOptions { StaleTimeout = TimeSpan.FromSeconds(60) }));
    }

    [Fact]
    public async Task A_silent_Kraken_connection_is_replaced_after_its_heartbeat_staleness_not_the_minute_of_the_options()
    {
        var options = TestStreamOptions.Fast with { StaleTimeout = TimeSpan.FromSeconds(60), KeepAliveInterval = TimeSpan.FromSeconds(60) };
        var streams = ExchangeClients.KrakenStreams(ExchangeClients.Kraken(_server, TimeSpan.FromSeconds(2)), options);
        await using var run = new StreamRun(streams, new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTC/USD" } });
        await run.WaitFor(() => _server.KrakenStreams.OpenConnections == 1 && _server.KrakenStreams.Subscriptions.Any(), "the subscription");
        var accepted = _server.KrakenStreams.AcceptedConnections;

        _server.KrakenStreams.Inject(KrakenStreamFault.Silence, TimeSpan.FromSeconds(30));

        await run.WaitFor(() => _server.KrakenStreams.AcceptedConnections > accepted, "a new connection", TimeSpan.FromSeconds(20));
    }

    private KrakenMarketStreamProtocol KrakenProtocol() =>
        new(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTC/USD" } }, Array.Empty<SymbolInfo>(), new RecordingSink());

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }
}
