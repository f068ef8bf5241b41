using Fluxum.Credentials;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Trading;

/// <summary>
/// An exchange account opened under a name (-Account main): everything it returns carries that name, so rows of
/// several accounts in one pipeline (Get-FxBalance -Account a, b) stay told apart and pipe back to the right one.
/// The exchange modules need not know account names; this is the one place that writes them.
/// </summary>
public sealed class NamedAccountTrading(ITrading inner, string account) : ITrading
{
    public ExchangeId Exchange => inner.Exchange;
    public ExchangeCredential Credential => inner.Credential;
    public string Account { get; } = account;

    public async Task<AccountInfo> GetAccountAsync(CancellationToken ct) => Stamp(await inner.GetAccountAsync(ct).ConfigureAwait(false));
    public async Task<RowSet<Balance>> GetBalancesAsync(CancellationToken ct) => Stamp(await inner.GetBalancesAsync(ct).ConfigureAwait(false));
    public async Task<Order> PlaceOrderAsync(OrderRequest request, bool test, CancellationToken ct) => Stamp(await inner.PlaceOrderAsync(request, test, ct).ConfigureAwait(false));
    public async Task<RowSet<Order>> PlaceOrderListAsync(OrderListRequest request, CancellationToken ct) => Stamp(await inner.PlaceOrderListAsync(request, ct).ConfigureAwait(false));
    public async Task<Order> GetOrderAsync(OrderReference reference, CancellationToken ct) => Stamp(await inner.GetOrderAsync(reference, ct).ConfigureAwait(false));
    public async Task<RowSet<Order>> GetOpenOrdersAsync(string? symbol, CancellationToken ct) => Stamp(await inner.GetOpenOrdersAsync(symbol, ct).ConfigureAwait(false));
    public async Task<HistoryPage<Order>> GetOrderHistoryAsync(HistoryQuery query, CancellationToken ct) => Stamp(await inner.GetOrderHistoryAsync(query, ct).ConfigureAwait(false));
    public async Task<Order> CancelOrderAsync(OrderReference reference, CancellationToken ct) => Stamp(await inner.CancelOrderAsync(reference, ct).ConfigureAwait(false));
    public async Task<RowSet<Order>> CancelAllAsync(string symbol, CancellationToken ct) => Stamp(await inner.CancelAllAsync(symbol, ct).ConfigureAwait(false));
    public async Task<HistoryPage<Fill>> GetFillsAsync(HistoryQuery query, CancellationToken ct) => Stamp(await inner.GetFillsAsync(query, ct).ConfigureAwait(false));

    private T Stamp<T>(T item) => AccountStamp.Apply(item, Account);

    private HistoryPage<T> Stamp<T>(HistoryPage<T> page)
    {
        Stamp(page.Rows);
        return page;
    }

    private RowSet<T> Stamp<T>(RowSet<T> rows)
    {
        foreach (var row in rows) AccountStamp.Apply(row, Account);
        return rows;
    }
}

/// <summary>Writes the account name on the account's own objects (balances, orders, fills, account info).</summary>
public static class AccountStamp
{
    public static T Apply<T>(T item, string? account)
    {
        switch (item)
        {
            case Balance b: b.Account = account; break;
            case Order o: o.Account = account; break;
            case Fill f: f.Account = account; break;
            case AccountInfo a: a.Account = account; break;
        }

        return item;
    }
}

/// <summary>A named account's live events: each order update, fill and balance change carries the account name.</summary>
public sealed class NamedAccountSink(IStreamSink inner, string account) : IStreamSink
{
    public void Publish(object item) => inner.Publish(AccountStamp.Apply(item, account));

    public void PublishLatest(ExchangeId exchange, string symbol, object item) => inner.PublishLatest(exchange, symbol, AccountStamp.Apply(item, account));

    public ValueTask WaitForRoomAsync(CancellationToken ct) => inner.WaitForRoomAsync(ct);

    public void ReportGap(StreamGap gap) => inner.ReportGap(gap);
}
