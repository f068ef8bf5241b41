namespace Fluxum.Engine.Streams;

/// <summary>Why the socket (re)connected: protocols resync what a new connection cannot continue (books).</summary>
internal enum ConnectKind
{
    Initial,

    /// <summary>After a failure: a dropped connection, an error, or silence past the stale timeout.</summary>
    Recovered,

    /// <summary>A reconnect the exchange announced or we scheduled (Binance's 24-hour limit): not a failure.</summary>
    Planned,
}

/// <summary>What a protocol may ask of its connection.</summary>
internal interface IStreamLink
{
    /// <summary>Sends a control message, paced by the exchange's message-rate limit.</summary>
    void Send(string message);

    /// <summary>Reconnects without counting a failure (the exchange announced a shutdown).</summary>
    void PlanReconnect(string reason);

    /// <summary>Ends the session with this error (a refused subscription, a bad key).</summary>
    void Fail(Errors.FxException error);
}

/// <summary>
/// The exchange-specific half of a WebSocket connection: what to subscribe after every connect and what each
/// frame means. The session owns the socket, reconnects, pacing, staleness, the circuit breaker and
/// back-pressure (it reads the socket only while <see cref="Outlet"/> has room), so a protocol never waits.
/// </summary>
internal interface IStreamProtocol
{
    /// <summary>Where this protocol publishes (its sink, behind the shared duplicate and gap rules).</summary>
    StreamOutlet Outlet { get; }

    /// <summary>Called after every connect, before any frame of the new connection: subscribe here (through the link) and reset state.</summary>
    void OnConnected(IStreamLink link, ConnectKind kind);

    /// <summary>One frame as the session's decoder gives it (UTF-8 JSON). Throwing marks it malformed: it is logged and skipped, never fatal.</summary>
    void OnFrame(ReadOnlyMemory<byte> frame);

    /// <summary>An application-level ping to send when the connection has been quiet, or null where WebSocket ping frames suffice.</summary>
    string? KeepAliveMessage();

    /// <summary>How the exchange's messages are framed: UTF-8 JSON text unless the exchange compresses or uses protobuf.</summary>
    IFrameDecoder Decoder => TextFrames.Instance;

    /// <summary>How the exchange keeps the connection alive (server pings, client pings, a heartbeat channel).</summary>
    KeepAlivePolicy KeepAlive => KeepAlivePolicy.Default;
}
