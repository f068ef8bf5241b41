using System.Globalization;
using System.Net.Http.Headers;
using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>
/// Binance's request-weight budget per minute. The exchange reports the weight used so far in
/// X-MBX-USED-WEIGHT-1M; this gate adds each request's own weight before sending and, when the next request
/// would pass the headroom line, waits for the next minute instead of earning a 429.
/// </summary>
internal sealed class WeightGate : RequestGate
{
    private readonly object _sync = new();
    private long _window;
    private int _used;

    public WeightGate(ExchangeId exchange, int limitPerMinute = 6000, double headroom = 0.9,
        TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
        : base(exchange, time, delay)
    {
        Limit = limitPerMinute;
        Headroom = headroom;
    }

    /// <summary>The exchange's REQUEST_WEIGHT limit per minute (exchangeInfo rateLimits updates it).</summary>
    public int Limit { get; set; }
    public double Headroom { get; }

    public int Used
    {
        get
        {
            lock (_sync) return CurrentWindow() == _window ? _used : 0;
        }
    }

    public override string Usage => $"weight {Used}/{Limit}";

    protected override async Task WaitForBudgetAsync(RestRequest request, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_sync)
            {
                var window = CurrentWindow();
                if (window != _window)
                {
                    _window = window;
                    _used = 0;
                }

                if (_used + request.Weight <= Limit * Headroom || _used == 0)
                {
                    _used += request.Weight;
                    return;
                }

                wait = TimeSpan.FromMinutes(window + 1) - TimeSpan.FromTicks(Time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks)
                    + TimeSpan.FromMilliseconds(250);
            }

            await PauseAsync(wait, $"request weight {Used}/{Limit} used this minute, {request.Path} needs {request.Weight}", ct).ConfigureAwait(false);
        }
    }

    public override void Observe(RestRequest request, HttpResponseHeaders headers)
    {
        if (headers.TryGetValues("X-MBX-USED-WEIGHT-1M", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var used))
        {
            lock (_sync)
            {
                var window = CurrentWindow();
                if (window != _window)
                {
                    _window = window;
                    _used = 0;
                }

                // The server's count is the truth; ours only runs ahead of it between responses.
                _used = Math.Max(used, 0);
            }
        }
    }

    private long CurrentWindow() => (Time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMinute;
}
