using System.Text.Json;
using System.Text.Json.Serialization;
using Fluxum.TestExchange.Binance;
using Fluxum.TestExchange.Binance.Streams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fluxum.TestExchange.Hosting;

/// <summary>
/// The by-hand control surface under /__fluxum: inject and clear faults, read or clear the request log, read
/// or reset the Binance weight. Never logged, weighed or faulted.
/// </summary>
internal static class ControlRoutes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(IEndpointRouteBuilder app, FaultInjector faults, RequestLog requests, BinanceSpot binance, BinanceStreams streams)
    {
        var p = Gateway.ControlPrefix;
        app.MapGet(p, () => Results.Json(new
        {
            faults = new[]
            {
                $"GET {p}/faults", $"POST {p}/faults  {{\"pathPrefix\":\"/api/v3/depth\",\"kind\":\"Status429\",\"retryAfterSeconds\":5,\"times\":1}}",
                $"DELETE {p}/faults",
            },
            kinds = Enum.GetNames<FaultKind>(),
            requests = new[] { $"GET {p}/requests?path=/api/v3", $"DELETE {p}/requests" },
            weight = new[] { $"GET {p}/weight", $"DELETE {p}/weight" },
            streamFaults = new[]
            {
                $"GET {p}/stream-faults", $"POST {p}/stream-faults  {{\"kind\":\"Gap\",\"stream\":\"btcusdt@depth\"}}  {{\"kind\":\"Silence\",\"duration\":3000}}",
                $"DELETE {p}/stream-faults",
            },
            streamFaultKinds = Enum.GetNames<StreamFaultKind>(),
            streams = new[] { $"GET {p}/streams", $"POST {p}/stream-burst  {{\"stream\":\"btcusdt@trade\",\"count\":100000}}" },
        }, Json));

        MapStreams(app, streams);

        app.MapGet(p + "/faults", () => Results.Json(
            faults.Snapshot().Select(f => new { f.Fault.PathPrefix, f.Fault.Kind, Left = f.Left, f.Fault.RetryAfterSeconds, f.Fault.StatusCode, f.Fault.Delay, f.Fault.Body }),
            Json));

        app.MapPost(p + "/faults", async (HttpRequest request) =>
        {
            Fault? fault;
            try
            {
                fault = await JsonSerializer.DeserializeAsync<Fault>(request.Body, Json, request.HttpContext.RequestAborted);
                if (fault is null) return Problem("The body must be a JSON fault object.");
                faults.Add(fault);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or FormatException or OverflowException)
            {
                return Problem(e.Message);
            }

            return Results.Json(new { added = fault.ToString(), pending = faults.Pending }, Json, statusCode: StatusCodes.Status201Created);
        });

        app.MapDelete(p + "/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        app.MapGet(p + "/requests", (string? path) => Results.Json(
            path is null ? requests.All : requests.All.Where(r => r.Path.StartsWith(path, StringComparison.OrdinalIgnoreCase)), Json));

        app.MapDelete(p + "/requests", () =>
        {
            requests.Clear();
            return Results.NoContent();
        });

        app.MapGet(p + "/weight", () => Results.Json(new { usedWeight = binance.UsedWeight, limit = binance.WeightLimitPerMinute }, Json));

        app.MapDelete(p + "/weight", () =>
        {
            binance.ResetWeight();
            return Results.NoContent();
        });
    }

    /// <summary>Binance WebSocket faults, bursts and the open connections with their subscriptions.</summary>
    private static void MapStreams(IEndpointRouteBuilder app, BinanceStreams streams)
    {
        var p = Gateway.ControlPrefix;
        app.MapGet(p + "/streams", () => Results.Json(new
        {
            accepted = streams.ConnectionsAccepted, open = streams.ConnectionsOpen, refused = streams.ConnectionsRefused,
            connections = streams.Connections,
        }, Json));

        app.MapGet(p + "/stream-faults", () => Results.Json(streams.PendingFaults, Json));

        app.MapPost(p + "/stream-faults", async (HttpRequest request) =>
        {
            try
            {
                var fault = await JsonSerializer.DeserializeAsync<StreamFault>(request.Body, Json, request.HttpContext.RequestAborted);
                if (fault is null) return Problem("The body must be a JSON stream fault object.");
                var affected = streams.Inject(fault);
                return Results.Json(new { added = fault.ToString(), connections = affected, pending = streams.PendingFaults }, Json, statusCode: StatusCodes.Status201Created);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or FormatException or OverflowException)
            {
                return Problem(e.Message);
            }
        });

        app.MapDelete(p + "/stream-faults", () =>
        {
            streams.ClearFaults();
            return Results.NoContent();
        });

        app.MapPost(p + "/stream-burst", async (HttpRequest request) =>
        {
            try
            {
                var burst = await JsonSerializer.DeserializeAsync<BurstRequest>(request.Body, Json, request.HttpContext.RequestAborted);
                if (burst is not { Stream.Length: > 0, Count: > 0 }) return Problem("The body must be {\"stream\":\"btcusdt@trade\",\"count\":N} with N > 0.");
                return Results.Json(new { subscriptions = streams.Burst(burst.Stream, burst.Count) }, Json);
            }
            catch (JsonException e)
            {
                return Problem(e.Message);
            }
        });
    }

    private sealed record BurstRequest(string Stream, int Count);

    private static IResult Problem(string message) => Results.Json(new { error = message }, Json, statusCode: StatusCodes.Status400BadRequest);
}
