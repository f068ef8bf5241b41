using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>
/// The account's kill switch: every open order of every symbol cancelled, one cancel-all per symbol that has
/// open orders (so each keeps its own lost-answer recovery). Safe to repeat: nothing open is success with nothing.
/// </summary>
public static class OpenOrderSweep
{
    /// <param name="cancelled">Gets each symbol's cancelled orders as they come.</param>
    /// <param name="failed">Gets a symbol's failure (with the native symbol); the other symbols still go on.</param>
    public static async Task CancelEverythingAsync(ITrading account, Action<RowSet<Order>, string> cancelled, Action<FxException, string> failed,
        CancellationToken ct)
    {
        var open = await account.GetOpenOrdersAsync(null, ct).ConfigureAwait(false);
        foreach (var error in open.Errors) failed(error, account.Exchange.ToString());

        // Orders of one symbol are cancelled together; the unreadable rows above name no symbol to cancel by.
        foreach (var symbol in open.Items.Select(o => o.NativeSymbol).Distinct(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                cancelled(await account.CancelAllAsync(symbol, ct).ConfigureAwait(false), symbol);
            }
            // A rate limit or a refused key stops the sweep: sending on would only be refused again (or banned).
            catch (FxException e) when (e.Kind is not FxErrorKind.LimitsExceeded and not FxErrorKind.AuthenticationError and not FxErrorKind.PermissionDenied)
            {
                failed(e, symbol);
            }
        }
    }
}
