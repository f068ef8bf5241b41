namespace Fluxum.TestExchange.Binance.Trading;

/// <summary>
/// Binance's account-history parameters (allOrders, myTrades): an id to start from, a time range and a limit.
/// With neither id nor start the newest records come back, otherwise the first ones from there.
/// </summary>
internal sealed record HistoryWindow(int Limit, long? FromId, DateTimeOffset? Start, DateTimeOffset? End)
{
    public static HistoryWindow From(Dictionary<string, string> q, string idParameter) => new(
        int.TryParse(q.GetValueOrDefault("limit"), out var l) ? Math.Clamp(l, 1, 1000) : 500,
        long.TryParse(q.GetValueOrDefault(idParameter), out var f) ? f : null,
        Time(q, "startTime"),
        Time(q, "endTime"));

    public IEnumerable<T> Select<T>(IEnumerable<T> records, Func<T, long> id, Func<T, DateTimeOffset> time)
    {
        var inWindow = records.Where(r => (FromId is null || id(r) >= FromId) && (Start is null || time(r) >= Start) && (End is null || time(r) <= End));
        return FromId is null && Start is null ? inWindow.TakeLast(Limit) : inWindow.Take(Limit);
    }

    private static DateTimeOffset? Time(Dictionary<string, string> q, string name) =>
        long.TryParse(q.GetValueOrDefault(name), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
