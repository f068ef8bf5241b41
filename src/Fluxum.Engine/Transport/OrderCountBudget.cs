using System.Globalization;
using System.Net.Http.Headers;
using Fluxum.Errors;

namespace Fluxum.Engine.Transport;

/// <summary>
/// An order counter the exchange reports in a header (Binance: X-MBX-ORDER-COUNT-10S, -1M, -1D). Near a short
/// window's limit orders wait for the window to pass; a long window's limit cannot be waited out in a command,
/// so an order past it is refused with an error that says until when.
/// </summary>
internal sealed class OrderCountBudget(string name, string header, int limit, TimeSpan window, string usageFormat) : IRateBudget, IPublishedLimit
{
    private readonly object _sync = new();
    private int _count;
    private DateTimeOffset _seen;

    public string Name { get; } = name;

    /// <summary>The exchange's limit; the module may replace it with the one it publishes.</summary>
    public int Limit { get; set; } = limit;

    /// <summary>Windows up to this long are waited out; longer ones refuse.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    public async Task WaitAsync(RestRequest request, RatePacer pacer, CancellationToken ct)
    {
        if (!request.CountsAsOrder) return;
        int count;
        DateTimeOffset seen;
        lock (_sync)
        {
            count = _count;
            seen = _seen;
        }

        if (window > LongestWait)
        {
            if (count >= Limit)
            {
                throw new FxException("Fluxum.OrderLimitReached", FxErrorKind.LimitsExceeded,
                    $"{pacer.Exchange} counts {count} orders in its {Describe(window)} window against a limit of {Limit}; no more orders can be placed until the window rolls over.",
                    pacer.Exchange);
            }

            return;
        }

        if (count >= Limit - 1)
        {
            await pacer.PauseAsync(seen + window - pacer.Now, $"{count} orders in the last {Describe(window)}, limit {Limit}", ct).ConfigureAwait(false);
            lock (_sync) _count = 0;
        }
    }

    public void Observe(RestRequest request, HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (!headers.TryGetValues(header, out var values)
            || !int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
        {
            return;
        }

        lock (_sync)
        {
            _count = count;
            _seen = now;
        }
    }

    public string? Usage(DateTimeOffset now)
    {
        lock (_sync) return _count > 0 ? string.Format(CultureInfo.InvariantCulture, usageFormat, _count, Limit) : null;
    }

    public RateBudgetState State(DateTimeOffset now)
    {
        lock (_sync) return new(Name, _count, Limit, window);
    }

    private static string Describe(TimeSpan span) =>
        span >= TimeSpan.FromDays(1) ? $"{span.TotalDays:0} day" : span >= TimeSpan.FromMinutes(1) ? $"{span.TotalMinutes:0} minute" : $"{span.TotalSeconds:0} seconds";
}
