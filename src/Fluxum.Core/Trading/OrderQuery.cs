namespace Fluxum.Trading;

/// <summary>Which order(s) to find: by exchange id or client id.</summary>
public sealed record OrderReference(string Symbol, string? OrderId, string? ClientOrderId)
{
    public override string ToString() => OrderId is not null ? $"{Symbol} order {OrderId}" : $"{Symbol} order '{ClientOrderId}'";
}

/// <summary>A page of history: orders or fills from a time or id, oldest first.</summary>
public sealed record HistoryQuery(string Symbol)
{
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public long? FromId { get; init; }
    public int Limit { get; init; } = 500;
}
