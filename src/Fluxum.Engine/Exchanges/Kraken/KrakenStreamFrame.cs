namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>What a Kraken WebSocket v2 frame is, so a protocol can route it before parsing its data.</summary>
internal enum KrakenFrameKind
{
    /// <summary>A channel or method this client does not know (v1 frames, new channels): ignored, never an error.</summary>
    Unknown,
    Book,
    Trade,
    Ticker,
    Ohlc,
    Heartbeat,
    Status,
    Subscribed,
    Unsubscribed,
    Pong,

    /// <summary>The answer to any other method (add_order, cancel_order...).</summary>
    MethodResult,
}

/// <summary>
/// The envelope of one v2 frame. Channel frames carry Channel and IsSnapshot; method answers carry Method,
/// RequestId, Success and, when refused, Error (and the Symbol refused, when Kraken names one).
/// </summary>
internal sealed record KrakenStreamFrame(KrakenFrameKind Kind, string? Channel = null, string? Method = null, bool IsSnapshot = false,
    long? RequestId = null, bool Success = false, string? Error = null, string? Symbol = null);

/// <summary>The status channel's message: sent on connect and when the system state changes (online, maintenance, cancel_only...).</summary>
internal sealed record KrakenStreamStatus(string System, string? ApiVersion, string? Version, ulong? ConnectionId);
