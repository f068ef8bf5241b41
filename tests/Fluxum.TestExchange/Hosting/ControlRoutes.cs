using System.Text.Json;
using System.Text.Json.Serialization;
using Fluxum.TestExchange.Binance;
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

    public static void Map(IEndpointRouteBuilder app, FaultInjector faults, RequestLog requests, BinanceSpot binance)
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
        }, Json));

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

    private static IResult Problem(string message) => Results.Json(new { error = message }, Json, statusCode: StatusCodes.Status400BadRequest);
}
