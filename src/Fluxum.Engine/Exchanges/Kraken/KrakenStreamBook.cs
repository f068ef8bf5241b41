using Fluxum.Books;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>
/// One symbol's entry of a v2 book frame. Prices and quantities keep the scale they had on the wire
/// ("0.9990" stays 0.9990): Kraken's checksum is computed over that text.
/// </summary>
internal sealed record KrakenBookEvent(string Symbol, bool IsSnapshot, (decimal Price, decimal Quantity)[] Bids,
    (decimal Price, decimal Quantity)[] Asks, uint Checksum, DateTimeOffset Time)
{
    /// <summary>
    /// Applies the event the way Kraken's book guide says: a snapshot replaces the book, an update sets (zero
    /// removes) its levels; then the book is cut to the subscribed depth (Kraken sends no removal for levels
    /// pushed out of it) and checked against the checksum of its top ten. A mismatch leaves the book invalid.
    /// </summary>
    public DiffResult ApplyTo(LocalOrderBook book, int depth)
    {
        if (IsSnapshot)
        {
            book.LoadSnapshot(0, Bids, Asks, Time);
            return book.ApplyLevels(default, default, Time, depth, KrakenChecksum.Compute, Checksum);
        }

        return book.ApplyLevels(Bids, Asks, Time, depth, KrakenChecksum.Compute, Checksum);
    }
}
