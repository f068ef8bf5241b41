namespace Fluxum.TestExchange.Binance.Trading;

/// <summary>
/// A test account: its API key and how requests from it are verified (an HMAC secret, or an RSA or Ed25519
/// public key in PEM), its balances, and its orders and fills.
/// </summary>
public sealed class BinanceAccount
{
    internal BinanceAccount(string apiKey, string? hmacSecret, string? publicKeyPem)
    {
        ApiKey = apiKey;
        HmacSecret = hmacSecret;
        PublicKeyPem = publicKeyPem;
    }

    public string ApiKey { get; }
    internal string? HmacSecret { get; }
    internal string? PublicKeyPem { get; }
    internal object Sync { get; } = new();
    internal Dictionary<string, (decimal Free, decimal Locked)> Balances { get; } = new(StringComparer.Ordinal);
    internal List<RestingOrder> Orders { get; } = new();
    internal List<AccountFill> Fills { get; } = new();

    public decimal Free(string asset)
    {
        lock (Sync) return Balances.TryGetValue(asset, out var b) ? b.Free : 0m;
    }

    public decimal Locked(string asset)
    {
        lock (Sync) return Balances.TryGetValue(asset, out var b) ? b.Locked : 0m;
    }

    public void Deposit(string asset, decimal amount)
    {
        lock (Sync)
        {
            var b = Balances.GetValueOrDefault(asset);
            Balances[asset] = (b.Free + amount, b.Locked);
            Raise(new BalanceChange(new[] { asset }, DateTimeOffset.UtcNow, amount));
        }
    }

    /// <summary>
    /// Raised by the matching engine when an order is accepted, trades, is cancelled or expires, while it still
    /// holds the account's lock: the user data stream reads a consistent order, so handlers must not block.
    /// </summary>
    internal event Action<OrderUpdate>? OrderChanged;

    /// <summary>Raised after balances moved (order, fill, release, deposit), under the account's lock like <see cref="OrderChanged"/>.</summary>
    internal event Action<BalanceChange>? BalancesChanged;

    internal void Raise(OrderUpdate update) => OrderChanged?.Invoke(update);

    internal void Raise(BalanceChange change) => BalancesChanged?.Invoke(change);

    /// <summary>All orders the account ever placed (placement attempts the exchange accepted), newest last.</summary>
    public int OrderCount
    {
        get
        {
            lock (Sync) return Orders.Count;
        }
    }

    /// <summary>Order lists (OCO/OTO) the account ever placed.</summary>
    public int OrderListCount
    {
        get
        {
            lock (Sync) return Orders.Where(o => o.ListId is not null).Select(o => o.ListId).Distinct().Count();
        }
    }

    /// <summary>Orders still working (new or partly filled) or waiting for their list (pending).</summary>
    public int OpenOrderCount
    {
        get
        {
            lock (Sync) return Orders.Count(o => o.IsOpen || o.Status == "PENDING_NEW");
        }
    }

    public IReadOnlyList<string> ClientOrderIds
    {
        get
        {
            lock (Sync) return Orders.Select(o => o.ClientOrderId).ToList();
        }
    }
}

/// <summary>An order as the matching engine keeps it.</summary>
internal sealed class RestingOrder
{
    public required long OrderId { get; init; }
    public required string ClientOrderId { get; init; }
    public required BinanceSymbol Market { get; init; }
    public required string Side { get; init; }
    public required string Type { get; set; }
    public string? TimeInForce { get; init; }
    public decimal? Price { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal Quantity { get; set; }
    public decimal QuoteOrderQty { get; init; }
    public decimal Executed { get; set; }
    public decimal CumulativeQuote { get; set; }
    public string Status { get; set; } = "NEW";
    public bool Triggered { get; set; }
    public required DateTimeOffset Time { get; init; }
    public DateTimeOffset UpdateTime { get; set; }

    /// <summary>The order list (OCO/OTO) it belongs to, if any.</summary>
    public long? ListId { get; set; }

    /// <summary>The list's listClientOrderId, by which a client finds a list whose placement answer it lost.</summary>
    public string? ListClientOrderId { get; set; }

    /// <summary>OCO: the other leg, cancelled when this one executes or triggers.</summary>
    public RestingOrder? Sibling { get; set; }

    /// <summary>OTO: the order placed when this one fills.</summary>
    public RestingOrder? Pending { get; set; }

    /// <summary>What the order holds aside from the account's free balance.</summary>
    public decimal LockedAmount { get; set; }
    public string LockedAsset => Side == "BUY" ? Market.QuoteAsset : Market.BaseAsset;
    public bool IsOpen => Status is "NEW" or "PARTIALLY_FILLED";
    public decimal Remaining => Quantity - Executed;
}

/// <summary>An order change for the user data stream: the execution type (NEW, TRADE, CANCELED, EXPIRED) and the fill of a TRADE.</summary>
internal readonly record struct OrderUpdate(RestingOrder Order, string ExecutionType, DateTimeOffset Time, AccountFill? Fill = null);

/// <summary>Assets whose balances may have changed; <see cref="Delta"/> is set for a deposit (a balanceUpdate on Binance).</summary>
internal readonly record struct BalanceChange(IReadOnlyList<string> Assets, DateTimeOffset Time, decimal? Delta = null);

internal sealed record AccountFill(long Id, long OrderId, BinanceSymbol Market, string Side, decimal Price, decimal Quantity,
    decimal Commission, string CommissionAsset, DateTimeOffset Time, bool IsMaker);
