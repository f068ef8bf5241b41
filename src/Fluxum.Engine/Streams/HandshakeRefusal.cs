namespace Fluxum.Engine.Streams;

/// <summary>
/// Which failed WebSocket handshakes no retry can mend: the address does not exist (404, 410), the server refuses
/// us (401, 403), or it answered without upgrading (a 2xx/3xx, or another 4xx: a bad handshake, e.g. a REST
/// address given as the stream address). Throttling (429), timeouts (408), 5xx and network errors stay transient.
/// </summary>
internal static class HandshakeRefusal
{
    public static bool IsPermanent(int status) => status switch
    {
        0 => false,
        101 => false,
        408 or 425 or 429 => false,
        >= 500 => false,
        _ => true,
    };

    public static string Describe(int status) => status switch
    {
        401 => "HTTP 401 Unauthorized",
        403 => "HTTP 403 Forbidden",
        404 => "HTTP 404 Not Found",
        410 => "HTTP 410 Gone",
        < 400 => $"HTTP {status} instead of 101 Switching Protocols (not a WebSocket endpoint)",
        _ => $"HTTP {status}",
    };
}
