namespace Fluxum.Derivatives;

/// <summary>A range of funding settlements of one symbol; Cursor continues where the previous page ended.</summary>
public sealed record FundingQuery(string Symbol)
{
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public int Limit { get; init; } = 100;
    public string? Cursor { get; init; }
}

/// <summary>Open interest samples of one symbol at a period (5m ... 1d).</summary>
public sealed record OpenInterestQuery(string Symbol, string Period)
{
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public int Limit { get; init; } = 30;
    public string? Cursor { get; init; }
}

/// <summary>Income history, optionally of one symbol and type.</summary>
public sealed record IncomeQuery
{
    public string? Symbol { get; init; }
    public IncomeType? Type { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public int Limit { get; init; } = 100;
    public string? Cursor { get; init; }
}

/// <summary>One page of a history and where the next page starts (null: there is none). The cursor is the exchange module's own.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
