namespace Fluxum.TestExchange;

public enum FaultKind
{
    Status429,
    Status418,
    ServerError,
    Delay,
    MalformedJson,
    DropConnection,
    ExchangeError,
}

/// <summary>A misbehaviour applied to the next <see cref="Times"/> requests whose path starts with <see cref="PathPrefix"/>.</summary>
public sealed class Fault
{
    public string PathPrefix { get; init; } = "/";
    public FaultKind Kind { get; init; }
    public int Times { get; init; } = 1;
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The status for ServerError (default 503) and ExchangeError (default 400).</summary>
    public int StatusCode { get; init; }
    public TimeSpan Delay { get; init; }

    /// <summary>The body of an ExchangeError; a default exchange error when null.</summary>
    public string? Body { get; init; }
}
