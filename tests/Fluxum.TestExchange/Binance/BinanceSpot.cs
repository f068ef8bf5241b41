using Fluxum.TestExchange.Market;

namespace Fluxum.TestExchange.Binance;

/// <summary>
/// The Binance side of the server as tests see it: the request weight used in the current minute (per IP,
/// that is per server, like the real exchange) and a way to reset it.
/// </summary>
public sealed class BinanceSpot
{
    private readonly object _sync = new();
    private readonly TestExchangeOptions _options;
    private readonly ExchangeClock _clock;
    private long _minute = long.MinValue;
    private int _used;

    internal BinanceSpot(TestExchangeOptions options, ExchangeClock clock)
    {
        _options = options;
        _clock = clock;
    }

    /// <summary>REQUEST_WEIGHT used in the current UTC minute, as the X-MBX-USED-WEIGHT-1M header reports it.</summary>
    public int UsedWeight
    {
        get
        {
            lock (_sync)
            {
                Roll(_clock.Now);
                return _used;
            }
        }
    }

    public int WeightLimitPerMinute => _options.BinanceWeightLimitPerMinute;

    /// <summary>Forgets the weight used so far in this minute.</summary>
    public void ResetWeight()
    {
        lock (_sync) _used = 0;
    }

    /// <summary>
    /// Adds a request's weight unless that would pass the limit; then nothing is added and the caller answers
    /// 429 with Retry-After set to the seconds left in the minute.
    /// </summary>
    internal bool TryUse(int weight, out int used, out int retryAfterSeconds)
    {
        var now = _clock.Now;
        lock (_sync)
        {
            Roll(now);
            var minuteEnd = DateTimeOffset.FromUnixTimeSeconds((_minute + 1) * 60);
            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((minuteEnd - now).TotalSeconds));
            if (_used + weight > _options.BinanceWeightLimitPerMinute)
            {
                used = _used;
                return false;
            }

            _used += weight;
            used = _used;
            return true;
        }
    }

    private void Roll(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        if (minute == _minute) return;
        _minute = minute;
        _used = 0;
    }
}
