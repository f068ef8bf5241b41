namespace Fluxum.Market;

/// <summary>
/// One request for trades. Without FromId or times it asks for the most recent ones. FromId is the id a user typed,
/// passed as text: only the exchange module knows what its ids look like and says when one is malformed. Cursor is
/// the module's own continuation handed back by the previous page (Binance's next id, Kraken's nanosecond 'last'):
/// opaque to everyone else, so no layer outside the module does arithmetic on ids.
/// </summary>
public sealed record TradeQuery(string Symbol, int Limit)
{
    public bool Aggregate { get; init; }
    public string? FromId { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public string? Cursor { get; init; }

    public bool IsHistory => FromId is not null || StartTime is not null || EndTime is not null || Cursor is not null;
}

/// <summary>A page of trades in time order (with an error for each row that could not be read) and where the next page starts (null: no further page).</summary>
public sealed record TradePage(Models.RowSet<Models.Trade> Trades, string? NextCursor);
