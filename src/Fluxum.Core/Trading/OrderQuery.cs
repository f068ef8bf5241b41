namespace Fluxum.Trading;

/// <summary>Which order(s) to find: by exchange id or client id.</summary>
public sealed record OrderReference(string Symbol, string? OrderId, string? ClientOrderId)
{
    public override string ToString() => OrderId is not null ? $"{Symbol} order {OrderId}" : $"{Symbol} order '{ClientOrderId}'";
}

/// <summary>
/// A page of history: orders or fills from a time or id, oldest first. FromId is an id as the user gave it (text: the
/// exchange module says whether it is one of its ids); Cursor is the continuation the module handed back with the
/// previous page, opaque to everyone else.
/// </summary>
public sealed record HistoryQuery(string Symbol)
{
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public string? FromId { get; init; }
    public string? Cursor { get; init; }
    public int Limit { get; init; } = 500;
}

/// <summary>One page of account history and where the next one starts (null: the module knows of no further page).</summary>
public sealed record HistoryPage<T>(Models.RowSet<T> Rows, string? NextCursor)
{
    public static HistoryPage<T> Empty { get; } = new(Models.RowSet<T>.Empty, null);
}
