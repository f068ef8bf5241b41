using System.Text.Json.Serialization;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>How a WebSocket connection or a depth stream misbehaves on demand.</summary>
public enum StreamFaultKind
{
    /// <summary>Aborts the matching connections (TCP reset, no close frame).</summary>
    Drop,

    /// <summary>The next depth diff of a matching stream is never sent; its update ids are consumed.</summary>
    Gap,

    /// <summary>The next depth diff of a matching stream is sent twice.</summary>
    Duplicate,

    /// <summary>The next two depth diffs of a matching stream are sent in swapped order.</summary>
    Reorder,

    /// <summary>Matching connections get a truncated text frame, then an event of an unknown type.</summary>
    Malformed,

    /// <summary>Matching connections send nothing at all, not even pings, for <see cref="StreamFault.Duration"/>; the socket stays open.</summary>
    Silence,

    /// <summary>Matching connections get a serverShutdown event, then a normal close.</summary>
    PlannedDisconnect,

    /// <summary>WebSocket upgrades are answered HTTP 503: the next <see cref="StreamFault.Times"/> attempts, or all within <see cref="StreamFault.Duration"/>.</summary>
    RefuseConnections,

    /// <summary>The next trade (or aggTrade) of each matching trade stream is sent twice, the same frame byte for byte.</summary>
    DuplicateTrade,
}

/// <summary>
/// A WebSocket fault. Posted as JSON to /__fluxum/stream-faults, kind as a string:
/// {"kind":"Gap","stream":"btcusdt@depth"} or {"kind":"Silence","duration":3000} or {"kind":"RefuseConnections","times":3}.
/// </summary>
public sealed class StreamFault
{
    public StreamFaultKind Kind { get; init; }

    /// <summary>
    /// Which streams: a connection matches when one of its subscriptions contains this text (case-insensitive), a
    /// depth stream when its name does ("btcusdt@depth" matches both speeds). Null matches everything.
    /// </summary>
    public string? Stream { get; init; }

    /// <summary>Which connections by request path prefix ("/ws", "/stream", "/ws-api/v3"); null matches all.</summary>
    public string? Path { get; init; }

    /// <summary>Gap, Duplicate, Reorder: how many diffs (or pairs) are affected; RefuseConnections: how many upgrade attempts.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Silence: how long; RefuseConnections: refuse for this long instead of counting attempts. JSON: ms or "hh:mm:ss".</summary>
    [JsonConverter(typeof(FlexibleTimeSpanConverter))]
    public TimeSpan Duration { get; init; }

    public override string ToString() => $"{Kind}{(Stream is null ? "" : " on " + Stream)}{(Path is null ? "" : " at " + Path)}";
}
