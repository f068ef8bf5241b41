using System.Globalization;
using System.Text;
using Fluxum.TestExchange.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Fluxum.TestExchange;

/// <summary>Answers a request the way the real exchanges (or the gateways in front of them) misbehave.</summary>
internal static class FaultResponder
{
    /// <summary>Binance's 429 body, with the configured limit.</summary>
    public static string BinanceTooManyRequests(int limit) =>
        $$"""{"code":-1003,"msg":"Too many requests; current limit is {{limit}} request weight per 1 MINUTE. Please use the websocket for live updates to avoid polling the API."}""";

    public static string BinanceBanned(DateTimeOffset until) =>
        $$"""{"code":-1003,"msg":"Way too much request weight used; IP banned until {{until.ToUnixTimeMilliseconds()}}. Please use WebSocket Streams for live updates to avoid bans."}""";

    public const string KrakenRateLimited = """{"error":["EAPI:Rate limit exceeded"]}""";

    /// <summary>Answers the request for a fault that ends it (every kind but Delay and MalformedJson).</summary>
    public static Task RespondAsync(HttpContext http, Fault fault, Venue venue, int binanceWeightLimit, DateTimeOffset now)
    {
        switch (fault.Kind)
        {
            case FaultKind.DropConnection:
                http.Abort();
                return Task.CompletedTask;

            case FaultKind.Status429:
            case FaultKind.Status418:
                http.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                var status = fault.Kind == FaultKind.Status429 ? StatusCodes.Status429TooManyRequests : StatusCodes.Status418ImATeapot;
                var body = fault.Body ?? venue switch
                {
                    Venue.Kraken => KrakenRateLimited,
                    _ when fault.Kind == FaultKind.Status429 => BinanceTooManyRequests(binanceWeightLimit),
                    _ => BinanceBanned(now.AddSeconds(fault.RetryAfterSeconds)),
                };
                return WriteAsync(http, status, ContentType(venue), body);

            case FaultKind.ServerError:
                return WriteAsync(http, fault.StatusCode, fault.Body is null ? "text/html" : "text/plain; charset=utf-8",
                    fault.Body ?? GatewayPage(fault.StatusCode));

            case FaultKind.ExchangeError:
                var kraken = venue == Venue.Kraken;
                var code = fault.HasStatusCode ? fault.StatusCode : kraken ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
                return WriteAsync(http, code, ContentType(venue), fault.Body ?? (kraken
                    ? """{"error":["EService:Unavailable"]}"""
                    : """{"code":-1000,"msg":"An unknown error occurred while processing the request."}"""));

            default:
                throw new InvalidOperationException($"{fault.Kind} does not end a request.");
        }
    }

    /// <summary>The start of a real answer when the endpoint wrote none (an unknown path under MalformedJson).</summary>
    public static Task WriteTruncatedAsync(HttpContext http, Venue venue) =>
        WriteAsync(http, StatusCodes.Status200OK, ContentType(venue), venue == Venue.Kraken ? """{"error":[],"result":{"unixtime":17""" : """{"serverTime":16""");

    private static string ContentType(Venue venue) => venue == Venue.Kraken ? Venues.KrakenContentType : Venues.BinanceContentType;

    private static string GatewayPage(int status)
    {
        var reason = ReasonPhrases.GetReasonPhrase(status);
        var title = $"{status} {(reason.Length > 0 ? reason : "Error")}";
        return $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n";
    }

    private static async Task WriteAsync(HttpContext http, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }
}
