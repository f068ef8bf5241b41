using System.Text.Json.Serialization;

namespace Fluxum.TestExchange;

/// <summary>
/// A misbehaviour applied to the next <see cref="Times"/> requests whose path starts with <see cref="PathPrefix"/>
/// (case-insensitive), e.g. "/api/v3/depth" or "/0/public/Ticker", and whose method is <see cref="Method"/> when
/// set. Posted as JSON to /__fluxum/faults with the kind as a string:
/// {"pathPrefix":"/api/v3/depth","kind":"Status429","retryAfterSeconds":5}.
/// </summary>
public sealed class Fault
{
    private readonly int? _statusCode;

    public string PathPrefix { get; init; } = "/";

    public FaultKind Kind { get; init; }

    /// <summary>Only requests with this HTTP method (POST, DELETE...), any when null: a lookup GET on the same path passes.</summary>
    public string? Method { get; init; }

    /// <summary>How many matching requests it applies to; then it is removed.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Retry-After, in seconds, for Status429 and Status418.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>
    /// The status of a ServerError (default 503). An ExchangeError uses it only when set; otherwise it answers
    /// like the exchange does: 400 on Binance, 200 on Kraken.
    /// </summary>
    public int StatusCode
    {
        get => _statusCode ?? 503;
        init => _statusCode = value;
    }

    /// <summary>For Delay: how long to wait before answering normally. In JSON: milliseconds or "hh:mm:ss".</summary>
    [JsonConverter(typeof(FlexibleTimeSpanConverter))]
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// Lets the exchange act on the request first and then misbehave (DropConnection, CloseConnection,
    /// ResetConnection, ServerError, ExchangeError, Delay): the order exists, but the client never hears so.
    /// </summary>
    public bool AfterProcessing { get; init; }

    /// <summary>Replaces the body of an ExchangeError, ServerError, Status429 or Status418 answer.</summary>
    public string? Body { get; init; }

    internal bool HasStatusCode => _statusCode.HasValue;

    internal bool Matches(string method, string path) =>
        path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase)
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Kind} x{Times} on {(Method is null ? "" : Method + " ")}{PathPrefix}{(AfterProcessing ? " after processing" : "")}";
}
