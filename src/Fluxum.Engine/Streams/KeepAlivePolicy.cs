namespace Fluxum.Engine.Streams;

/// <summary>
/// How an exchange keeps a WebSocket connection alive and how a dead one shows, declared by its protocol and
/// applied by the session: whether the server pings (ClientWebSocket answers ping frames itself while a receive
/// is pending, so the session must keep reading), whether we send WebSocket pings or an application ping, and
/// whether a heartbeat channel makes silence past a shorter time a dead connection.
/// </summary>
internal sealed record KeepAlivePolicy
{
    /// <summary>The exchange sends ping frames and drops a connection that does not answer (Binance: every 20 s, 1 min to answer).</summary>
    public bool ServerPings { get; init; }

    /// <summary>WebSocket ping frames we send (ClientWebSocket's keep-alive); zero sends none.</summary>
    public TimeSpan ClientPingFrames { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Send the protocol's application ping (IStreamProtocol.KeepAliveMessage) when the connection is quiet.</summary>
    public bool ApplicationPing { get; init; }

    /// <summary>
    /// The exchange sends a heartbeat (Kraken's heartbeat channel, once a second): silence this long is a dead
    /// connection even when the stream's own events are rare. Null: only the session's stale timeout applies.
    /// </summary>
    public TimeSpan? HeartbeatStaleAfter { get; init; }

    /// <summary>What the session did before policies: WebSocket pings, and the application ping where a protocol has one.</summary>
    public static KeepAlivePolicy Default { get; } = new() { ApplicationPing = true };

    /// <summary>The silence after which a connection counts as dead under these options.</summary>
    public TimeSpan StaleAfter(StreamOptions options) =>
        HeartbeatStaleAfter is { } heartbeat && heartbeat < options.StaleTimeout ? heartbeat : options.StaleTimeout;
}
