using System.Globalization;
using System.Net.Http.Headers;

namespace Fluxum.Engine.Transport;

/// <summary>
/// A request-weight budget per fixed window (Binance: REQUEST_WEIGHT a minute). Each request adds its declared weight
/// before it goes out; the exchange's header (X-MBX-USED-WEIGHT-1M) replaces our count when an answer carries it.
/// A request that would pass the headroom line waits for the next window instead of earning a 429.
/// </summary>
internal sealed class WeightBudget(string name, string? usedHeader, int limit, TimeSpan window, double headroom = 0.9) : IRateBudget, IPublishedLimit
{
    private readonly object _sync = new();
    private long _window = -1;
    private int _used;

    public string Name { get; } = name;

    /// <summary>The exchange's limit; the module may replace it with the one the exchange publishes (exchangeInfo).</summary>
    public int Limit { get; set; } = limit;

    public double Headroom { get; } = headroom;

    public int Used(DateTimeOffset now)
    {
        lock (_sync) return WindowOf(now) == _window ? _used : 0;
    }

    public async Task WaitAsync(RestRequest request, RatePacer pacer, CancellationToken ct)
    {
        if (request.Weight <= 0) return;
        while (true)
        {
            TimeSpan wait;
            int used;
            lock (_sync)
            {
                var now = pacer.Now;
                Roll(now);
                if (_used + request.Weight <= Limit * Headroom || _used == 0)
                {
                    _used += request.Weight;
                    return;
                }

                used = _used;
                wait = TimeSpan.FromTicks((_window + 1) * window.Ticks - (now - DateTimeOffset.UnixEpoch).Ticks) + TimeSpan.FromMilliseconds(250);
            }

            await pacer.PauseAsync(wait, $"request {Name} {used}/{Limit} used this window, {request.Path} needs {request.Weight}", ct).ConfigureAwait(false);
        }
    }

    public void Observe(RestRequest request, HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (usedHeader is null || !headers.TryGetValues(usedHeader, out var values)
            || !int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var used))
        {
            return;
        }

        lock (_sync)
        {
            Roll(now);

            // The server's count is the truth; ours only runs ahead of it between answers.
            _used = Math.Max(used, 0);
        }
    }

    public string? Usage(DateTimeOffset now) => $"{Name} {Used(now)}/{Limit}";

    public RateBudgetState State(DateTimeOffset now) => new(Name, Used(now), Limit, window);

    private void Roll(DateTimeOffset now)
    {
        var current = WindowOf(now);
        if (current == _window) return;
        _window = current;
        _used = 0;
    }

    private long WindowOf(DateTimeOffset now) => (now - DateTimeOffset.UnixEpoch).Ticks / window.Ticks;
}
