using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange;

/// <summary>Applies a waiting fault to a request in the way the real exchanges misbehave.</summary>
internal static class FaultMiddleware
{
    /// <summary>True when the fault answered the request itself; false when the request goes on (after a delay).</summary>
    public static async Task<bool> ApplyAsync(HttpContext http, Fault fault, Func<DateTimeOffset> now)
    {
        var kraken = http.Request.Path.StartsWithSegments("/0");
        switch (fault.Kind)
        {
            case FaultKind.Delay:
                await Task.Delay(fault.Delay, http.RequestAborted);
                return false;
            case FaultKind.DropConnection:
                http.Abort();
                return true;
            case FaultKind.MalformedJson:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(kraken ? """{"error":[],"result":{"unixtime":17""" : """{"serverTime":16""");
                return true;
            case FaultKind.ServerError:
                http.Response.StatusCode = fault.StatusCode == 0 ? 503 : fault.StatusCode;
                http.Response.ContentType = "text/html";
                await http.Response.WriteAsync("<html><body><h1>Service Unavailable</h1></body></html>");
                return true;
            case FaultKind.ExchangeError:
                http.Response.StatusCode = fault.StatusCode == 0 ? (kraken ? 200 : 400) : fault.StatusCode;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(fault.Body ?? (kraken ? """{"error":["EService:Unavailable"]}""" : """{"code":-1000,"msg":"An unknown error occurred while processing the request."}"""));
                return true;
            case FaultKind.Status429:
            case FaultKind.Status418:
                http.Response.StatusCode = fault.Kind == FaultKind.Status429 ? 429 : 418;
                http.Response.Headers["Retry-After"] = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Response.ContentType = "application/json";
                var until = now().AddSeconds(fault.RetryAfterSeconds).ToUnixTimeMilliseconds();
                await http.Response.WriteAsync(kraken
                    ? """{"error":["EAPI:Rate limit exceeded"]}"""
                    : fault.Kind == FaultKind.Status429
                        ? """{"code":-1003,"msg":"Too many requests; current limit is 6000 request weight per 1 MINUTE. Please use the websocket for live updates to avoid polling the API."}"""
                        : $$"""{"code":-1003,"msg":"Way too much request weight used; IP banned until {{until}}. Please use WebSocket Streams for live updates to avoid bans."}""");
                return true;
            default:
                return false;
        }
    }
}
