namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>A live book as the server held it after update <see cref="LastUpdateId"/>: bids best (highest) first, asks lowest first.</summary>
public sealed record LiveBookState(string Symbol, long LastUpdateId, IReadOnlyList<(decimal Price, decimal Quantity)> Bids,
    IReadOnlyList<(decimal Price, decimal Quantity)> Asks);
