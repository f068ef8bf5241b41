using System.Net.Http.Headers;

namespace Fluxum.Engine.Transport;

/// <summary>
/// A call rate with a burst, for exchanges that publish a rate rather than weights (Kraken's public API: about one
/// call a second with a small burst). Each request takes its weight in tokens.
/// </summary>
internal sealed class TokenBucket(string name, double capacity, double perSecond) : IRateBudget
{
    private readonly object _sync = new();
    private double _tokens = capacity;
    private DateTimeOffset? _refilled;

    public string Name { get; } = name;

    public async Task WaitAsync(RestRequest request, RatePacer pacer, CancellationToken ct)
    {
        var cost = Math.Max(1, request.Weight);
        while (true)
        {
            TimeSpan wait;
            lock (_sync)
            {
                Refill(pacer.Now);
                if (_tokens >= cost)
                {
                    _tokens -= cost;
                    return;
                }

                wait = TimeSpan.FromSeconds((cost - _tokens) / perSecond);
            }

            await pacer.PauseAsync(wait, "pacing calls to the exchange's published rate", ct).ConfigureAwait(false);
        }
    }

    public void Observe(RestRequest request, HttpResponseHeaders headers, DateTimeOffset now)
    {
    }

    public string? Usage(DateTimeOffset now)
    {
        lock (_sync)
        {
            Refill(now);
            return $"{Math.Floor(_tokens)}/{capacity} {Name} in hand";
        }
    }

    public RateBudgetState State(DateTimeOffset now)
    {
        lock (_sync)
        {
            Refill(now);
            return new(Name, capacity - _tokens, capacity, TimeSpan.FromSeconds(capacity / perSecond));
        }
    }

    private void Refill(DateTimeOffset now)
    {
        _refilled ??= now;
        _tokens = Math.Min(capacity, _tokens + (now - _refilled.Value).TotalSeconds * perSecond);
        _refilled = now;
    }
}
