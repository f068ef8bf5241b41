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

    public override string Usage => _orders10s > 0 || _orders1d > 0
        ? $"weight {Used}/{Limit}, orders {_orders10s}/{OrderLimit10s} in 10 s, {_orders1d}/{OrderLimitDay} today"
        : $"weight {Used}/{Limit}";

    /// <summary>Binance's ORDERS limits (exchangeInfo updates them): per 10 seconds and per day.</summary>
    public int OrderLimit10s { get; set; } = 100;
    public int OrderLimitDay { get; set; } = 200_000;

    private int _orders10s;
    private int _orders1d;
    private DateTimeOffset _orders10sSeen;

    protected override async Task WaitForBudgetAsync(RestRequest request, CancellationToken ct)
    {
        if (request.CountsAsOrder) await WaitForOrderBudgetAsync(ct).ConfigureAwait(false);
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
        ObserveOrders(headers);
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

    /// <summary>The daily order count cannot be waited out in a command; the 10-second one can.</summary>
    private async Task WaitForOrderBudgetAsync(CancellationToken ct)
    {
        int day, tenSeconds;
        DateTimeOffset seen;
        lock (_sync)
        {
            day = _orders1d;
            tenSeconds = _orders10s;
            seen = _orders10sSeen;
        }

        if (day >= OrderLimitDay)
        {
            throw new Errors.FxException("Fluxum.OrderLimitReached", Errors.FxErrorKind.LimitsExceeded,
                $"{Exchange} counts {day} orders today against a limit of {OrderLimitDay}; no more orders can be placed until the day rolls over (UTC).", Exchange);
        }

        if (tenSeconds >= OrderLimit10s - 1)
        {
            var wait = seen + TimeSpan.FromSeconds(10) - Time.GetUtcNow();
            await PauseAsync(wait, $"{tenSeconds} orders in the last 10 seconds, limit {OrderLimit10s}", ct).ConfigureAwait(false);
            lock (_sync) _orders10s = 0;
        }
    }

    private void ObserveOrders(HttpResponseHeaders headers)
    {
        static int? Read(HttpResponseHeaders h, string name) =>
            h.TryGetValues(name, out var v) && int.TryParse(v.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        var ten = Read(headers, "X-MBX-ORDER-COUNT-10S");
        var day = Read(headers, "X-MBX-ORDER-COUNT-1D");
        lock (_sync)
        {
            if (ten is { } t)
            {
                _orders10s = t;
                _orders10sSeen = Time.GetUtcNow();
            }

            if (day is { } d) _orders1d = d;
        }
    }

    private long CurrentWindow() => (Time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMinute;
}
