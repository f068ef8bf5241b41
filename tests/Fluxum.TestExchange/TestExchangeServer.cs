using System.Net;
using Fluxum.TestExchange.Binance;
using Fluxum.TestExchange.Binance.Streams;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Kraken;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fluxum.TestExchange;

/// <summary>
/// A local exchange on 127.0.0.1 speaking Binance spot public REST (under /api/v3) and Kraken spot public
/// REST (under /0/public) like the real ones, from deterministic market data, with Binance weight accounting,
/// injectable faults and a log of every request. Start one per test class (it starts in milliseconds) or
/// share one; dispose it to stop.
/// </summary>
public sealed class TestExchangeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ExchangeClock _clock;
    private int _disposed;

    private TestExchangeServer(WebApplication app, TestExchangeOptions options, ExchangeClock clock, Uri baseUri, FaultInjector faults,
        RequestLog requests, BinanceSpot binance)
    {
        _app = app;
        _clock = clock;
        Options = options;
        BaseUri = baseUri;
        Faults = faults;
        Requests = requests;
        Binance = binance;
    }

    /// <summary>http://127.0.0.1:port/ (with the trailing slash).</summary>
    public Uri BaseUri { get; }

    public FaultInjector Faults { get; }

    /// <summary>Every exchange request received (control calls under /__fluxum excluded).</summary>
    public RequestLog Requests { get; }

    public TestExchangeOptions Options { get; }

    /// <summary>The Binance side: the request weight used this minute, and a way to reset it.</summary>
    public BinanceSpot Binance { get; }

    /// <summary>Binance accounts for the signed endpoints: add one with a key, fund it, then trade against the matching engine.</summary>
    public Binance.Trading.BinanceAccounts BinanceAccounts { get; private init; } = null!;

    /// <summary>Binance WebSocket streams (/ws, /stream, /ws-api/v3): open connections, live books, stream faults and trade bursts.</summary>
    public BinanceStreams BinanceStreams { get; private init; } = null!;

    /// <summary>ws://127.0.0.1:port/ (with the trailing slash), the base of every WebSocket endpoint.</summary>
    public Uri WebSocketUri => new($"ws://{BaseUri.Authority}/");

    /// <summary>Kraken's WebSocket v2 endpoint (/v2): counters, subscriptions, the live books and stream faults.</summary>
    public Kraken.Streams.KrakenStreams KrakenStreams { get; private init; } = null!;

    /// <summary>The exchanges' clock: <see cref="TestExchangeOptions.FixedNow"/> or the real UTC time.</summary>
    public DateTimeOffset Now => _clock.Now;

    public static async Task<TestExchangeServer> StartAsync(TestExchangeOptions? options = null, CancellationToken ct = default)
    {
        options ??= new TestExchangeOptions();
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), options.Port, "The port must be 0 to 65535.");

        var clock = new ExchangeClock(options);
        var faults = new FaultInjector();
        var requests = new RequestLog();
        var binance = new BinanceSpot(options, clock);
        var accounts = new Binance.Trading.BinanceAccounts();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        var app = builder.Build();

        var gateway = new Gateway(requests, faults, binance, clock, app.Lifetime.ApplicationStopping);
        var binanceStreams = new BinanceStreams(options, clock, app.Lifetime.ApplicationStopping);
        // The silence gate must wrap the upgrade feature before UseWebSockets takes it; the gateway still logs upgrades.
        app.Use(GatedUpgrade.InvokeAsync);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.StreamPingInterval, KeepAliveTimeout = options.StreamPongTimeout });
        app.Use(gateway.InvokeAsync);
        ControlRoutes.Map(app, faults, requests, binance, binanceStreams);
        new BinanceSpotRoutes(clock, options) { LiveBooks = binanceStreams.Books }.Map(app);
        new BinanceStreamRoutes(binanceStreams).Map(app);
        new UserDataRoutes(binanceStreams, accounts).Map(app);
        new KrakenRoutes(clock).Map(app);
        var krakenStreams = Kraken.Streams.KrakenStreams.Map(app, clock);
        new Binance.Trading.BinanceTradingRoutes(accounts, () => clock.Now).Map(app);

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new TestExchangeServer(app, options, clock, new Uri($"http://127.0.0.1:{port}/"), faults, requests, binance) { BinanceAccounts = accounts, KrakenStreams = krakenStreams, BinanceStreams = binanceStreams };
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _app.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
