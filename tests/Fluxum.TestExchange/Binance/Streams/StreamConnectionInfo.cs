namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// An open WebSocket connection as tests see it: where it connected, what it holds (stream names; user data
/// subscriptions as "userData@&lt;apiKey&gt;#&lt;subscriptionId&gt;"), the bytes the server has written to it, and how
/// often (and at most how long) a send waited because the client was not reading: what back-pressure looks like
/// from the exchange's side.
/// </summary>
public sealed record StreamConnectionInfo(long Id, string Path, bool Combined, IReadOnlyList<string> Subscriptions, DateTimeOffset OpenedAt,
    long BytesSent, bool Silenced, int SendStalls = 0, TimeSpan LongestSendWait = default);

/// <summary>
/// A connection that has ended: the close status the client sent (null: the client sent no close frame, the
/// 1006 of an aborted socket), and whether the server dropped it for not reading.
/// </summary>
public sealed record ClosedStreamConnection(long Id, string Path, System.Net.WebSockets.WebSocketCloseStatus? ClientCloseStatus, bool DroppedAsSlowReader,
    int SendStalls, TimeSpan LongestSendWait);
