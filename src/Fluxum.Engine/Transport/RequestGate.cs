using System.Net.Http.Headers;
using Fluxum.Diagnostics;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>
/// Decides when a request may go out. After a 429 or 418 nothing is sent to the exchange until its
/// Retry-After has passed: callers get an immediate error instead of adding to a ban.
/// Subclasses add the exchange's own budget (Binance weight, Kraken pacing).
/// </summary>
internal abstract class RequestGate
{
    private readonly object _sync = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private bool _blockIsBan;

    protected RequestGate(ExchangeId exchange, TimeProvider? time, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        Exchange = exchange;
        Time = time ?? TimeProvider.System;
        Delay = delay ?? ((span, ct) => Task.Delay(span, ct));
    }

    public ExchangeId Exchange { get; }
    protected TimeProvider Time { get; }
    protected Func<TimeSpan, CancellationToken, Task> Delay { get; }

    public async Task WaitAsync(RestRequest request, CancellationToken ct)
    {
        ThrowIfBlocked();
        await WaitForBudgetAsync(request, ct).ConfigureAwait(false);
        ThrowIfBlocked();
    }

    /// <summary>Reads what the exchange says about our usage from a response.</summary>
    public virtual void Observe(RestRequest request, HttpResponseHeaders headers)
    {
    }

    /// <summary>A short usage note for -Verbose, e.g. "weight 120/6000".</summary>
    public virtual string Usage => "";

    public void Block(DateTimeOffset until, bool isBan)
    {
        lock (_sync)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }

            _blockIsBan |= isBan;
        }
    }

    public void ThrowIfBlocked()
    {
        DateTimeOffset until;
        bool ban;
        lock (_sync)
        {
            until = _blockedUntil;
            ban = _blockIsBan;
            if (until <= Time.GetUtcNow())
            {
                _blockIsBan = false;
                return;
            }
        }

        throw new RateLimitedException(Exchange, until, ban, "The exchange asked for this pause in an earlier answer.");
    }

    protected abstract Task WaitForBudgetAsync(RestRequest request, CancellationToken ct);

    protected async Task PauseAsync(TimeSpan span, string reason, CancellationToken ct)
    {
        if (span <= TimeSpan.Zero) return;
        FxLog.Verbose($"{Exchange}: {reason}; waiting {span.TotalSeconds:0.0} s before the next request.");
        await Delay(span, ct).ConfigureAwait(false);
    }
}
