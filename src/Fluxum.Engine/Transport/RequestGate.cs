using System.Net.Http.Headers;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>
/// Decides when a request may go out: every budget the exchange module declared must let it pass, and after a
/// 429 or 418 nothing is sent to the exchange until its Retry-After has passed (callers get an immediate error
/// instead of adding to a ban). One gate serves every client of an exchange address, so the budgets are shared.
/// </summary>
internal sealed class RequestGate
{
    private readonly object _sync = new();
    private readonly IReadOnlyList<IRateBudget> _budgets;
    private readonly TimeProvider _time;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private bool _blockIsBan;

    public RequestGate(ExchangeId exchange, IEnumerable<IRateBudget> budgets, TimeProvider? time = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        Exchange = exchange;
        _budgets = budgets.ToList();
        _time = time ?? TimeProvider.System;
        Pacer = new RatePacer(exchange, _time, delay ?? ((span, ct) => Task.Delay(span, ct)));
    }

    public ExchangeId Exchange { get; }

    public IReadOnlyList<IRateBudget> Budgets => _budgets;

    private RatePacer Pacer { get; }

    /// <summary>The declared budget of that name and kind, for a module that learns the real limit at run time.</summary>
    public T Budget<T>(string name) where T : class, IRateBudget =>
        _budgets.OfType<T>().FirstOrDefault(b => b.Name == name)
        ?? throw new InvalidOperationException($"{Exchange} declares no {typeof(T).Name} named '{name}'.");

    public async Task WaitAsync(RestRequest request, CancellationToken ct)
    {
        ThrowIfBlocked();
        foreach (var budget in _budgets) await budget.WaitAsync(request, Pacer, ct).ConfigureAwait(false);
        ThrowIfBlocked();
    }

    /// <summary>Shows the exchange's answer to every budget: its headers say what it counted.</summary>
    public void Observe(RestRequest request, HttpResponseHeaders headers)
    {
        var now = _time.GetUtcNow();
        foreach (var budget in _budgets) budget.Observe(request, headers, now);
    }

    /// <summary>A short usage note for -Verbose, e.g. "weight 120/6000, orders 4/100 in 10 s".</summary>
    public string Usage
    {
        get
        {
            var now = _time.GetUtcNow();
            return string.Join(", ", _budgets.Select(b => b.Usage(now)).Where(u => u is not null));
        }
    }

    public IReadOnlyList<RateBudgetState> States()
    {
        var now = _time.GetUtcNow();
        return _budgets.Select(b => b.State(now)).ToList();
    }

    /// <summary>When the exchange asked us to stop sending; null when it has not (or the pause is over).</summary>
    public DateTimeOffset? BlockedUntil
    {
        get
        {
            lock (_sync) return _blockedUntil > _time.GetUtcNow() ? _blockedUntil : null;
        }
    }

    public void Block(DateTimeOffset until, bool isBan)
    {
        lock (_sync)
        {
            if (until > _blockedUntil) _blockedUntil = until;
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
            if (until <= _time.GetUtcNow())
            {
                _blockIsBan = false;
                return;
            }
        }

        throw new RateLimitedException(Exchange, until, ban, "The exchange asked for this pause in an earlier answer.");
    }
}
