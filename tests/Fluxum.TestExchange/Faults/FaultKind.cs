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

    /// <summary>
    /// Abort the request the way Kestrel's HttpContext.Abort does, without any response. Measured on .NET 10: the
    /// client sees a reset (RST), not a graceful close; use <see cref="CloseConnection"/> or
    /// <see cref="ResetConnection"/> to choose.
    /// </summary>
    DropConnection,

    /// <summary>An exchange error body (<see cref="Fault.Body"/> or a default one) with the exchange's status.</summary>
    ExchangeError,

    /// <summary>
    /// Close the connection gracefully (FIN) before any byte of an answer, as a server or proxy closing a
    /// keep-alive connection does. SocketsHttpHandler silently sends a body-less request again after this.
    /// </summary>
    CloseConnection,

    /// <summary>Reset the connection (RST: a zero linger, then close) before any byte of an answer.</summary>
    ResetConnection,

    /// <summary>
    /// The real answer's status line and headers (with its full Content-Length), then only half of its body, then
    /// a graceful close: an answer cut off in transfer. The endpoint always runs, since the answer is needed.
    /// </summary>
    CutOffBody,
}
