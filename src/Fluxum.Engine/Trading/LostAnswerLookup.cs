using Fluxum.Errors;

namespace Fluxum.Engine.Trading;

/// <summary>
/// What a module does after the answer to a state-changing request was lost: ask the exchange what is true (by
/// a lookup the module supplies, such as an order by its client id) until the answer settles or patience runs
/// out. It never sends the request again: the exchange may have acted on it, and a client order id does not
/// protect against a resend once the order is no longer open.
/// </summary>
internal static class LostAnswerLookup
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    /// <param name="lookup">The exchange's current view; null while it does not know the thing at all.</param>
    /// <param name="settled">Whether a found answer is final (an order found at all, a cancel no longer open).</param>
    public static async Task<LookupOutcome<T>> RunAsync<T>(Func<CancellationToken, Task<T?>> lookup, Func<T, bool> settled, TimeSpan patience,
        CancellationToken ct) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        T? last = null;
        while (true)
        {
            try
            {
                last = await lookup(ct).ConfigureAwait(false);
            }
            catch (FxException e)
            {
                return new LookupOutcome<T>(last, false, e);
            }

            if (last is not null && settled(last)) return new LookupOutcome<T>(last, true, null);
            if (DateTimeOffset.UtcNow >= deadline) return new LookupOutcome<T>(last, false, null);
            await Task.Delay(Interval, ct).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// The exchange's answer: <see cref="Found"/> is its last view (null when it never knew the thing); when
/// <see cref="Failure"/> is set, the lookup itself got no answer and nothing is known.
/// </summary>
internal sealed record LookupOutcome<T>(T? Found, bool Settled, FxException? Failure) where T : class;
