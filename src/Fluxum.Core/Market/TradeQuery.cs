namespace Fluxum.Market;

/// <summary>
/// One request for trades. Without FromId or times it asks for the most recent ones. Cursor is the adapter's
/// own continuation (a trade id or Kraken's nanosecond 'last') handed back by the previous page.
/// </summary>
public sealed record TradeQuery(string Symbol, int Limit)
{
    public bool Aggregate { get; init; }
    public long? FromId { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public string? Cursor { get; init; }

    public bool IsHistory => FromId is not null || StartTime is not null || EndTime is not null || Cursor is not null;
}

/// <summary>A page of trades in time order (with an error for each row that could not be read) and where the next page starts (null: no further page).</summary>
public sealed record TradePage(Models.RowSet<Models.Trade> Trades, string? NextCursor);
