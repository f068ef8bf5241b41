namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>What can go wrong on the Kraken WebSocket v2 endpoint, injected with <see cref="KrakenStreams.Inject"/>.</summary>
public enum KrakenStreamFault
{
    /// <summary>Every open connection is aborted at once, without a close handshake (a network cut).</summary>
    Drop,

    /// <summary>The next book update sent carries a wrong checksum (the book itself stays right).</summary>
    BadChecksum,

    /// <summary>
    /// The next book update is left unsent while the server moves on, as if the frame were lost: the update after
    /// it no longer matches the client's book, so its checksum fails there.
    /// </summary>
    SkipUpdate,

    /// <summary>Every open connection receives one frame that is not JSON.</summary>
    Malformed,

    /// <summary>Nothing at all is sent (no data, answers or heartbeats) for the given duration (default 5 s); the sockets stay open.</summary>
    Silence,
}
