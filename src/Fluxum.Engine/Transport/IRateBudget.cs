using System.Net.Http.Headers;

namespace Fluxum.Engine.Transport;

/// <summary>
/// One of an exchange's declared limits (a weight budget read from a header, an order counter, a token bucket).
/// A module lists its budgets as data; the gate asks each before a request goes out and shows each answer to them.
/// </summary>
internal interface IRateBudget
{
    /// <summary>How the module and Get-FxRateLimit refer to it, e.g. "weight" or "orders-10s".</summary>
    string Name { get; }

    /// <summary>Waits (through <paramref name="pacer"/>) until the request fits, or throws when it cannot fit in a command's lifetime.</summary>
    Task WaitAsync(RestRequest request, RatePacer pacer, CancellationToken ct);

    /// <summary>What the exchange's answer says about our usage (its own count is the truth).</summary>
    void Observe(RestRequest request, HttpResponseHeaders headers, DateTimeOffset now);

    /// <summary>A short usage note for -Verbose ("weight 120/6000"), or null while there is nothing worth saying.</summary>
    string? Usage(DateTimeOffset now);

    /// <summary>The numbers behind <see cref="Usage"/>, for Get-FxRateLimit and Test-FxConnection.</summary>
    RateBudgetState State(DateTimeOffset now);
}

/// <summary>A budget whose limit the exchange publishes at run time, replacing the declared one.</summary>
internal interface IPublishedLimit
{
    int Limit { get; set; }
}

/// <summary>A budget's use at a moment: <see cref="Used"/> of <see cref="Limit"/> in the current window.</summary>
internal readonly record struct RateBudgetState(string Name, double Used, double Limit, TimeSpan Window);

/// <summary>The clock and the wait the budgets share, so a test can drive time and record the pauses.</summary>
internal sealed class RatePacer(Models.ExchangeId exchange, TimeProvider time, Func<TimeSpan, CancellationToken, Task> delay)
{
    public Models.ExchangeId Exchange { get; } = exchange;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task PauseAsync(TimeSpan span, string reason, CancellationToken ct)
    {
        if (span <= TimeSpan.Zero) return;
        Diagnostics.FxLog.Verbose($"{Exchange}: {reason}; waiting {span.TotalSeconds:0.0} s before the next request.");
        await delay(span, ct).ConfigureAwait(false);
    }
}
