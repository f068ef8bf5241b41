using Fluxum.Errors;

namespace Fluxum.Engine.Streams;

internal enum ConnectionEndKind
{
    /// <summary>The caller stopped the stream: close normally and return.</summary>
    Stopped,

    /// <summary>A reconnect we chose or the exchange announced: close normally, reconnect at once, no failure.</summary>
    Planned,

    /// <summary>The connection broke, went stale or was closed by the exchange: a failure, reconnect after a backoff.</summary>
    Lost,

    /// <summary>The protocol gave up (a refused subscription): close normally and end with the error.</summary>
    Failed,
}

/// <summary>Why one connection ended, which decides how it is closed and what the session does next.</summary>
internal sealed record ConnectionEnd(ConnectionEndKind Kind, string Reason, FxException? Error = null)
{
    public static readonly ConnectionEnd Stopped = new(ConnectionEndKind.Stopped, "stopped");

    /// <summary>Lost ends whose socket is dead (stale, broken) are aborted; a close handshake would only wait.</summary>
    public bool ClosesNormally => Kind is not ConnectionEndKind.Lost;
}
