
namespace Fluxum.TestExchange.Binance.Trading;

/// <summary>
/// A small price-time-priority matching engine. A taker matches the accounts' resting orders first (best price,
/// then oldest), then the market's own book (the deterministic liquidity every client sees); what is left of a
/// GTC limit rests. Resting orders fill when the market reaches their price, stop orders trigger when the last
/// price crosses their stop. Balances move with every fill; fees are 0.1% of what is received.
/// </summary>
internal sealed class MatchingEngine
{
    public const decimal FeeRate = 0.001m;
    private readonly object _sync = new();
    private readonly List<(BinanceAccount Account, RestingOrder Order)> _resting = new();
    private long _nextOrderId = 1000;
    private long _nextTradeId = 5000;
    private long _nextListId = 100;

    public long NextOrderId() => Interlocked.Increment(ref _nextOrderId);

    /// <summary>Places a validated order; returns the error message for -2010 when it cannot go in.</summary>
    public string? Place(BinanceAccount account, RestingOrder order, DateTimeOffset now)
    {
        lock (_sync)
        {
            Sweep(order.Market, now);
            lock (account.Sync)
            {
                if (order.Type == "LIMIT_MAKER" && Crosses(order, now)) return "Order would immediately match and take.";
                var cost = Reserve(order, now);
                if (!HasFree(account, order.LockedAsset, cost)) return "Account has insufficient balance for requested action.";
                Move(account, order.LockedAsset, -cost, cost);
                order.LockedAmount = cost;
                account.Orders.Add(order);
                Notify(account, order, "NEW", now);
            }

            if (IsStop(order.Type))
            {
                _resting.Add((account, order));
                return null;
            }

            Execute(account, order, now);
            return null;
        }
    }

    /// <summary>
    /// OCO: both legs rest, sharing one reservation (the first leg's); whichever executes or triggers first
    /// expires the other. OTO: the working order goes in; the pending one waits (PENDING_NEW) until it fills.
    /// </summary>
    public string? PlaceList(BinanceAccount account, RestingOrder first, RestingOrder second, bool oco, DateTimeOffset now)
    {
        lock (_sync)
        {
            Sweep(first.Market, now);
            var listId = Interlocked.Increment(ref _nextListId);
            first.ListId = second.ListId = listId;
            if (oco)
            {
                lock (account.Sync)
                {
                    if (new[] { first, second }.Any(o => o.Type == "LIMIT_MAKER" && Crosses(o, now))) return "Order would immediately match and take.";
                    var cost = Reserve(first, now);
                    if (!HasFree(account, first.LockedAsset, cost)) return "Account has insufficient balance for requested action.";
                    Move(account, first.LockedAsset, -cost, cost);
                    first.LockedAmount = cost;
                    first.Sibling = second;
                    second.Sibling = first;
                    account.Orders.Add(first);
                    account.Orders.Add(second);
                    Notify(account, first, "NEW", now);
                    Notify(account, second, "NEW", now);
                }

                _resting.Add((account, first));
                _resting.Add((account, second));
                return null;
            }

            second.Status = "PENDING_NEW";
            first.Pending = second;
            lock (account.Sync) account.Orders.Add(second);
            return Place(account, first, now);
        }
    }

    public void Cancel(BinanceAccount account, RestingOrder order, DateTimeOffset now)
    {
        lock (_sync)
        {
            lock (account.Sync)
            {
                order.Status = "CANCELED";
                order.UpdateTime = now;
                Release(account, order);
                Notify(account, order, "CANCELED", now);
            }

            _resting.RemoveAll(r => r.Order == order);
        }
    }

    /// <summary>Brings resting and stop orders of a market up to date with its price now.</summary>
    public void Sweep(BinanceSymbol market, DateTimeOffset now)
    {
        lock (_sync)
        {
            var last = Liquidity.Last(market.Instrument, now);
            foreach (var (account, order) in _resting.Where(r => r.Order.Market == market).ToList())
            {
                if (!order.IsOpen)
                {
                    _resting.RemoveAll(r => r.Order == order);
                    continue;
                }

                if (IsStop(order.Type) && !order.Triggered)
                {
                    if (!Triggers(order, last)) continue;
                    order.Triggered = true;
                    ExpireSibling(account, order, now);
                    order.Type = order.Type.EndsWith("_LIMIT", StringComparison.Ordinal) ? "LIMIT" : "MARKET";
                    _resting.RemoveAll(r => r.Order == order);
                    Execute(account, order, now);
                    continue;
                }

                var (bids, asks) = Liquidity.Book(market.Instrument, now, 1);
                var reaches = order.Side == "BUY" ? asks[0].Price <= order.Price : bids[0].Price >= order.Price;
                if (reaches) Fill(account, order, order.Price!.Value, order.Remaining, isMaker: true, now);
                if (!order.IsOpen) _resting.RemoveAll(r => r.Order == order);
            }
        }
    }

    private void Execute(BinanceAccount account, RestingOrder taker, DateTimeOffset now)
    {
        // Resting orders of other accounts (and this one's) first: best price, then time.
        var opposite = _resting.Where(r => r.Order.Market == taker.Market && r.Order.IsOpen && !IsStop(r.Order.Type) && r.Order.Side != taker.Side)
            .OrderBy(r => taker.Side == "BUY" ? r.Order.Price : -r.Order.Price).ThenBy(r => r.Order.Time).ToList();
        foreach (var (makerAccount, maker) in opposite)
        {
            if (taker.Remaining <= 0 || !Acceptable(taker, maker.Price!.Value)) break;
            var qty = Math.Min(QuoteCapped(taker, maker.Price.Value), maker.Remaining);
            if (qty <= 0) break;
            Fill(account, taker, maker.Price.Value, qty, isMaker: false, now);
            Fill(makerAccount, maker, maker.Price.Value, qty, isMaker: true, now);
            if (!maker.IsOpen) _resting.RemoveAll(r => r.Order == maker);
        }

        var (bids, asks) = Liquidity.Book(taker.Market.Instrument, now, 50);
        var levels = taker.Side == "BUY" ? asks : bids;
        if (taker.TimeInForce == "FOK" && levels.Where(l => Acceptable(taker, l.Price)).Sum(l => l.Qty) < taker.Remaining)
        {
            Expire(account, taker, now);
            return;
        }

        foreach (var (price, size) in levels)
        {
            if (taker.Remaining <= 0 || !Acceptable(taker, price)) break;
            var qty = Math.Min(size, QuoteCapped(taker, price));
            if (qty <= 0) break;
            Fill(account, taker, price, qty, isMaker: false, now);
        }

        // An order for a quote amount is done when the amount is spent, however much base it bought.
        if (taker.QuoteOrderQty > 0 && taker.Executed > 0)
        {
            lock (account.Sync)
            {
                taker.Quantity = taker.Executed;
                taker.Status = "FILLED";
                Release(account, taker);
            }

            return;
        }

        if (!taker.IsOpen) return;
        if (taker.Type == "MARKET" || taker.TimeInForce is "IOC" or "FOK" || taker.QuoteOrderQty > 0)
        {
            Expire(account, taker, now);
            return;
        }

        _resting.Add((account, taker));
    }

    private void Fill(BinanceAccount account, RestingOrder order, decimal price, decimal qty, bool isMaker, DateTimeOffset now)
    {
        lock (account.Sync)
        {
            var m = order.Market;
            var notional = price * qty;
            decimal spent, received;
            string spentAsset, receivedAsset;
            if (order.Side == "BUY")
            {
                (spent, spentAsset, received, receivedAsset) = (notional, m.QuoteAsset, qty, m.BaseAsset);
            }
            else
            {
                (spent, spentAsset, received, receivedAsset) = (qty, m.BaseAsset, notional, m.QuoteAsset);
            }

            // Spend from what the order locked; a market buy locked an estimate and may need a little more from free.
            var fromLock = Math.Min(spent, order.LockedAmount);
            order.LockedAmount -= fromLock;
            Move(account, spentAsset, -(spent - fromLock), -fromLock);
            var fee = Math.Round(received * FeeRate, 8);
            Move(account, receivedAsset, received - fee, 0);
            order.Executed += qty;
            order.CumulativeQuote += notional;
            order.Status = order.Remaining <= 0 ? "FILLED" : "PARTIALLY_FILLED";
            order.UpdateTime = now;
            var fill = new AccountFill(Interlocked.Increment(ref _nextTradeId), order.OrderId, m, order.Side, price, qty, fee, receivedAsset, now, isMaker);
            account.Fills.Add(fill);
            if (order.Status == "FILLED") Release(account, order);
            Notify(account, order, "TRADE", now, fill);
        }

        ExpireSibling(account, order, now);
        if (order.Status == "FILLED" && order.Pending is { Status: "PENDING_NEW" } pending)
        {
            order.Pending = null;
            pending.Status = "NEW";
            pending.UpdateTime = now;
            lock (account.Sync)
            {
                var cost = Reserve(pending, now);
                var free = account.Balances.GetValueOrDefault(pending.LockedAsset).Free;
                var held = Math.Min(cost, Math.Max(0, free));
                Move(account, pending.LockedAsset, -held, held);
                pending.LockedAmount = held;
                Notify(account, pending, "NEW", now);
            }

            if (IsStop(pending.Type)) _resting.Add((account, pending));
            else Execute(account, pending, now);
        }
    }

    private void ExpireSibling(BinanceAccount account, RestingOrder order, DateTimeOffset now)
    {
        if (order.Sibling is not { } sibling) return;
        order.Sibling = null;
        sibling.Sibling = null;
        if (!sibling.IsOpen) return;
        lock (account.Sync)
        {
            // The shared reservation moves to the leg that goes on, or back to the account if that one is done.
            if (order.IsOpen)
            {
                order.LockedAmount += sibling.LockedAmount;
                sibling.LockedAmount = 0;
            }
            else
            {
                Release(account, sibling);
            }

            sibling.Status = "EXPIRED";
            sibling.UpdateTime = now;
            Notify(account, sibling, "EXPIRED", now);
        }

        _resting.RemoveAll(r => r.Order == sibling);
    }

    /// <summary>What is left to fill: the remaining quantity, or for a quote-amount order what the rest of the amount buys at this price.</summary>
    private static decimal QuoteCapped(RestingOrder taker, decimal price) =>
        taker.QuoteOrderQty > 0
            ? RoundDown((taker.QuoteOrderQty - taker.CumulativeQuote) / price, taker.Market.Instrument.Step)
            : taker.Remaining;

    private static void Expire(BinanceAccount account, RestingOrder order, DateTimeOffset now)
    {
        lock (account.Sync)
        {
            order.Status = "EXPIRED";
            order.UpdateTime = now;
            Release(account, order);
            Notify(account, order, "EXPIRED", now);
        }
    }

    /// <summary>Tells the user data stream: the order report, then the balances of the order's two assets.</summary>
    private static void Notify(BinanceAccount account, RestingOrder order, string executionType, DateTimeOffset now, AccountFill? fill = null)
    {
        account.Raise(new OrderUpdate(order, executionType, now, fill));
        account.Raise(new BalanceChange(new[] { order.Market.BaseAsset, order.Market.QuoteAsset }, now));
    }

    private static void Release(BinanceAccount account, RestingOrder order)
    {
        if (order.LockedAmount <= 0) return;
        Move(account, order.LockedAsset, order.LockedAmount, -order.LockedAmount);
        order.LockedAmount = 0;
    }

    private static bool Acceptable(RestingOrder taker, decimal price) =>
        taker.Type == "MARKET" || (taker.Side == "BUY" ? price <= taker.Price : price >= taker.Price);

    private static bool Crosses(RestingOrder order, DateTimeOffset now)
    {
        var (bids, asks) = Liquidity.Book(order.Market.Instrument, now, 1);
        return order.Side == "BUY" ? order.Price >= asks[0].Price : order.Price <= bids[0].Price;
    }

    /// <summary>What the order must hold: the quote for a buy (a market buy at 2% above the price now), the base for a sell.</summary>
    private static decimal Reserve(RestingOrder order, DateTimeOffset now)
    {
        if (order.Side == "SELL") return order.Quantity;
        if (order.QuoteOrderQty > 0) return order.QuoteOrderQty;
        var price = order.Price ?? order.StopPrice ?? Liquidity.Last(order.Market.Instrument, now) * 1.02m;
        return price * order.Quantity;
    }

    private static bool HasFree(BinanceAccount account, string asset, decimal amount) =>
        account.Balances.TryGetValue(asset, out var b) && b.Free >= amount;

    private static void Move(BinanceAccount account, string asset, decimal free, decimal locked)
    {
        var b = account.Balances.GetValueOrDefault(asset);
        account.Balances[asset] = (b.Free + free, b.Locked + locked);
    }

    private static bool IsStop(string type) => type.StartsWith("STOP_LOSS", StringComparison.Ordinal) || type.StartsWith("TAKE_PROFIT", StringComparison.Ordinal);

    /// <summary>A stop-loss sells when the price falls to the stop (buys when it rises); a take-profit the other way round.</summary>
    private static bool Triggers(RestingOrder order, decimal last)
    {
        var falling = order.Type.StartsWith("STOP_LOSS", StringComparison.Ordinal) == (order.Side == "SELL");
        return falling ? last <= order.StopPrice : last >= order.StopPrice;
    }

    private static decimal RoundDown(decimal value, decimal step) => Math.Floor(value / step) * step;
}
