using System.Collections.Concurrent;

namespace Fluxum.TestExchange;

/// <summary>
/// One request as it reached the exchange. <see cref="Query"/> is the raw query string without '?';
/// <see cref="At"/> is the real arrival time (not <see cref="TestExchangeOptions.FixedNow"/>), so tests can
/// measure how a client paces its calls.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)
{
    /// <summary>The raw application/x-www-form-urlencoded body, empty for any other request.</summary>
    public string Body { get; init; } = "";

    /// <summary>The connection it came on (Kestrel's connection id).</summary>
    public string ConnectionId { get; init; } = "";

    /// <summary>Its place on that connection: 1 on a fresh connection, more on a reused (keep-alive, pooled) one.</summary>
    public int OnConnection { get; init; } = 1;
}

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
