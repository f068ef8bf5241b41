namespace Fluxum.TestExchange;

/// <summary>How a faulty answer misbehaves (see <see cref="Fault"/>).</summary>
public enum FaultKind
{
    /// <summary>HTTP 429 with Retry-After and the exchange's rate-limit body.</summary>
    Status429,

    /// <summary>HTTP 418 (Binance's IP ban) with Retry-After and the ban body naming when it ends.</summary>
    Status418,

    /// <summary>A 5xx (<see cref="Fault.StatusCode"/>) with a small HTML page, as a gateway sends it.</summary>
    ServerError,

    /// <summary>Wait <see cref="Fault.Delay"/> (or until the client gives up), then answer normally.</summary>
    Delay,

    /// <summary>HTTP 200 with the real answer cut in half, so it is not valid JSON.</summary>
    MalformedJson,

    /// <summary>Close the connection without any response.</summary>
    DropConnection,

    /// <summary>An exchange error body (<see cref="Fault.Body"/> or a default one) with the exchange's status.</summary>
    ExchangeError,
}
