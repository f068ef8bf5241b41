using System.Collections.Concurrent;

namespace Fluxum.TestExchange;

/// <summary>
/// One request as it reached the exchange. <see cref="Query"/> is the raw query string without '?';
/// <see cref="At"/> is the real arrival time (not <see cref="TestExchangeOptions.FixedNow"/>), so tests can
/// measure how a client paces its calls.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);

/// <summary>Every request the exchanges received (the /__fluxum control calls are not counted); thread-safe.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _all = new();

    public IReadOnlyList<RecordedRequest> All => _all.ToArray();

    /// <summary>How many requests had a path starting with the prefix (case-insensitive).</summary>
    public int Count(string pathPrefix) => _all.Count(r => r.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase));

    public void Clear() => _all.Clear();

    internal void Add(RecordedRequest request) => _all.Enqueue(request);
}
