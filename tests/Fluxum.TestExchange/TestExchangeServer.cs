using System.Text.Json;
using System.Text.Json.Serialization;
using Fluxum.TestExchange.Binance;
using Fluxum.TestExchange.Kraken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fluxum.TestExchange;

/// <summary>
/// A local exchange on 127.0.0.1 speaking Binance spot and Kraken spot public REST, each under its own path
/// prefix, with deterministic data, Binance weight accounting and injectable faults.
/// </summary>
public sealed class TestExchangeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestExchangeServer(WebApplication app, TestExchangeOptions options, Uri baseUri)
    {
        _app = app;
        Options = options;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }
    public TestExchangeOptions Options { get; }
    public FaultInjector Faults { get; } = new();
    public RequestLog Requests { get; } = new();
    public BinanceWeights Binance { get; } = new();

    public DateTimeOffset Now => Options.FixedNow ?? DateTimeOffset.UtcNow;

    public static async Task<TestExchangeServer> StartAsync(TestExchangeOptions? options = null, CancellationToken ct = default)
    {
        options ??= new TestExchangeOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();

        TestExchangeServer? server = null;
        Func<DateTimeOffset> now = () => server!.Now;
        app.Use(async (http, next) =>
        {
            var s = server!;
            var path = http.Request.Path.Value ?? "/";
            if (!path.StartsWith("/__fluxum", StringComparison.Ordinal))
            {
                s.Requests.Add(new RecordedRequest(http.Request.Method, path, http.Request.QueryString.Value ?? "",
                    http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), s.Now));
            }

            if (s.Faults.Take(path) is { } fault && await FaultMiddleware.ApplyAsync(http, fault, now)) return;

            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                var weight = BinanceWeights.Of(path, http.Request.Query);
                var allowed = s.Binance.TryUse(weight, s.Options.BinanceWeightLimitPerMinute, s.Now, out var used, out var secondsLeft);
                http.Response.Headers["X-MBX-USED-WEIGHT-1M"] = used.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!allowed)
                {
                    await FaultMiddleware.ApplyAsync(http, new Fault { Kind = FaultKind.Status429, RetryAfterSeconds = secondsLeft }, now);
                    return;
                }
            }

            await next(http);
        });

        new BinanceSpotRoutes(now, options).Map(app);
        new KrakenRoutes(now).Map(app);
        MapControl(app, () => server!);

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new TestExchangeServer(app, options, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>By-hand control: POST a Fault as JSON, DELETE to clear, GET the request log.</summary>
    private static void MapControl(WebApplication app, Func<TestExchangeServer> server)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        app.MapPost("/__fluxum/faults", async (HttpRequest r) =>
        {
            var fault = await JsonSerializer.DeserializeAsync<Fault>(r.Body, json);
            if (fault is null) return Results.BadRequest();
            server().Faults.Add(fault);
            return Results.Json(new { pending = server().Faults.Pending });
        });
        app.MapDelete("/__fluxum/faults", () =>
        {
            server().Faults.Clear();
            return Results.NoContent();
        });
        app.MapGet("/__fluxum/requests", () => Results.Json(server().Requests.All));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
