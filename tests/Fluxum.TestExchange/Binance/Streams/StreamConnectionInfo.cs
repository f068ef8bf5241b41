namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// An open WebSocket connection as tests see it: where it connected, what it holds (stream names; user data
/// subscriptions as "userData@&lt;apiKey&gt;#&lt;subscriptionId&gt;"), and the bytes the server has written to it.
/// </summary>
public sealed record StreamConnectionInfo(long Id, string Path, bool Combined, IReadOnlyList<string> Subscriptions, DateTimeOffset OpenedAt,
    long BytesSent, bool Silenced);
