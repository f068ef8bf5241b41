namespace Fluxum.Books;

/// <summary>
/// One depth update event: the level changes covering update ids [FirstUpdateId, LastUpdateId]. Futures
/// streams also name the previous event's last id (PreviousUpdateId); spot streams do not.
/// </summary>
public sealed record DepthDiff(string NativeSymbol, long FirstUpdateId, long LastUpdateId, DateTimeOffset EventTime,
    (decimal Price, decimal Quantity)[] Bids, (decimal Price, decimal Quantity)[] Asks)
{
    public long? PreviousUpdateId { get; init; }
}
