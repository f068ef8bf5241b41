using System.Runtime.CompilerServices;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>
/// The transport's verdict on a failure: the request may have reached the exchange and been acted on, but its
/// answer is lost - no answer in time, the connection closed or reset after the request went out, a 5xx, an
/// answer cut off in transfer. The transport sends a read again; it never sends a state-changing request again,
/// and the module that sent one must find out what happened (look the order up) before deciding anything.
/// Failures that prove nothing was sent (the connection could not be opened) are not marked. The mark rides
/// beside the error rather than in its type, so users and scripts see the same FxException as ever.
/// </summary>
internal static class AnswerLost
{
    private static readonly ConditionalWeakTable<FxException, object> Marked = new();
    private static readonly object Mark = new();

    public static FxException Error(string errorId, FxErrorKind kind, string message, ExchangeId exchange, Exception? inner = null)
    {
        var error = new FxException(errorId, kind, message, exchange, inner);
        Marked.AddOrUpdate(error, Mark);
        return error;
    }

    public static bool Is(Exception e) => e is FxException fx && Marked.TryGetValue(fx, out _);
}
