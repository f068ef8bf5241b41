namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>One live subscription on the v2 endpoint. Depth is set for book, Interval (minutes) for ohlc.</summary>
public sealed record KrakenStreamSubscription(long ConnectionId, string Channel, string Symbol, int? Depth = null, int? Interval = null);

/// <summary>The server's book of a pair, best first, with the wire's number scale (price: the pair's decimals; quantity: 8).</summary>
public sealed record KrakenBookView(IReadOnlyList<(decimal Price, decimal Quantity)> Bids, IReadOnlyList<(decimal Price, decimal Quantity)> Asks);
