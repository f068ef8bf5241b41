namespace Fluxum.Books;

/// <summary>
/// How an exchange proves that its streamed book updates are complete, which decides how the local book is kept
/// and when it must be rebuilt. Every kind detects what it can and resyncs; none emits a book it cannot vouch for.
/// </summary>
public enum BookKind
{
    /// <summary>Update ids that chain from a REST snapshot (Binance spot U/u, futures pu, MEXC versions).</summary>
    Sequenced,

    /// <summary>A snapshot on subscribe, then updates proven by a checksum of the top of the book (Kraken CRC32).</summary>
    Checksummed,

    /// <summary>A sequence number per connection rather than per book (Coinbase sequence_num): any break voids every book on it.</summary>
    ConnectionSequenced,

    /// <summary>Every message is the whole book (Hyperliquid, Bitrue): nothing to chain, only each message to check.</summary>
    SnapshotOnly,
}
