using Fluxum.Credentials;
using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>One exchange account, with the credentials it was opened with.</summary>
public interface ITrading
{
    ExchangeId Exchange { get; }
    ExchangeCredential Credential { get; }

    Task<AccountInfo> GetAccountAsync(CancellationToken ct);
    /// <summary>Every balance; one the answer holds but that cannot be read is in Errors, never silently missing.</summary>
    Task<RowSet<Balance>> GetBalancesAsync(CancellationToken ct);

    /// <summary>
    /// Places the order (or only validates it with <paramref name="test"/>). Never sends it twice: when the answer
    /// is lost (timeout, dropped connection, 5xx) it looks the order up by its client id before anything else.
    /// </summary>
    Task<Order> PlaceOrderAsync(OrderRequest request, bool test, CancellationToken ct);

    /// <summary>Places an OCO or OTO list; returns its member orders (each with OrderListId).</summary>
    Task<RowSet<Order>> PlaceOrderListAsync(OrderListRequest request, CancellationToken ct);

    Task<Order> GetOrderAsync(OrderReference reference, CancellationToken ct);

    /// <summary>Open orders of one symbol, or of every symbol when null; an order that cannot be read is in Errors.</summary>
    Task<RowSet<Order>> GetOpenOrdersAsync(string? symbol, CancellationToken ct);

    /// <summary>One page of order history, oldest first, with the cursor of the page after it.</summary>
    Task<HistoryPage<Order>> GetOrderHistoryAsync(HistoryQuery query, CancellationToken ct);

    Task<Order> CancelOrderAsync(OrderReference reference, CancellationToken ct);

    /// <summary>Cancels every open order of the symbol and returns them as cancelled.</summary>
    Task<RowSet<Order>> CancelAllAsync(string symbol, CancellationToken ct);

    /// <summary>One page of the account's fills, oldest first, with the cursor of the page after it.</summary>
    Task<HistoryPage<Fill>> GetFillsAsync(HistoryQuery query, CancellationToken ct);
}
