using System.Collections.Concurrent;

namespace Fluxum.TestExchange;

public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);

/// <summary>Every request the exchange received, so tests can count calls (e.g. "nothing was sent").</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _all = new();

    public IReadOnlyList<RecordedRequest> All => _all.ToArray();

    public int Count(string pathPrefix) => _all.Count(r => r.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase));

    public void Clear() => _all.Clear();

    internal void Add(RecordedRequest request) => _all.Enqueue(request);
}
