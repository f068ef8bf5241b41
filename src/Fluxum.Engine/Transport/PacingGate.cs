using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>
/// A token bucket for exchanges that publish a call rate rather than weights (Kraken's public API allows about
/// one call a second with a small burst).
/// </summary>
internal sealed class PacingGate : RequestGate
{
    private readonly object _sync = new();
    private readonly double _capacity;
    private readonly double _perSecond;
    private double _tokens;
    private DateTimeOffset _refilled;

    public PacingGate(ExchangeId exchange, double capacity, double perSecond, TimeProvider? time = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
        : base(exchange, time, delay)
    {
        _capacity = capacity;
        _perSecond = perSecond;
        _tokens = capacity;
        _refilled = Time.GetUtcNow();
    }

    public override string Usage
    {
        get
        {
            lock (_sync) return $"{Math.Floor(_tokens)}/{_capacity} calls in hand";
        }
    }

    protected override async Task WaitForBudgetAsync(RestRequest request, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_sync)
            {
                var now = Time.GetUtcNow();
                _tokens = Math.Min(_capacity, _tokens + (now - _refilled).TotalSeconds * _perSecond);
                _refilled = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                wait = TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
            }

            await PauseAsync(wait, "pacing calls to the exchange's published rate", ct).ConfigureAwait(false);
        }
    }
}
