using System.Text.Json;
using Fluxum.TestExchange.Binance.Trading;
using static Fluxum.TestExchange.Binance.Trading.TradingJson;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>User data events as the WebSocket API sends them: {"subscriptionId":n,"event":{...}}, fields as in Binance's docs.</summary>
internal static class UserDataEvents
{
    private static long _executionIds = 1_000_000;

    /// <summary>Read while the matching engine holds the account's lock, so the order is written as it was at the change.</summary>
    public static byte[] ExecutionReport(int subscriptionId, OrderUpdate u) => Wrapped(subscriptionId, w =>
    {
        var o = u.Order;
        var time = u.Time.ToUnixTimeMilliseconds();
        var cancel = u.ExecutionType == "CANCELED";
        var isStop = o.StopPrice is not null && !o.Triggered;
        w.WriteString("e", "executionReport");
        w.WriteNumber("E", time);
        w.WriteString("s", o.Market.Symbol);
        // A cancel reports the cancel request's client id in c and the order's own in C, as Binance does.
        w.WriteString("c", cancel ? "cancel" + o.OrderId : o.ClientOrderId);
        w.WriteString("S", o.Side);
        w.WriteString("o", o.Type);
        w.WriteString("f", o.TimeInForce ?? "GTC");
        w.WriteString("q", D(o.QuoteOrderQty > 0 ? o.Executed : o.Quantity));
        w.WriteString("p", D(o.Price ?? 0m));
        w.WriteString("P", D(o.StopPrice ?? 0m));
        w.WriteString("F", D(0m));
        w.WriteNumber("g", o.ListId ?? -1);
        w.WriteString("C", cancel ? o.ClientOrderId : "");
        w.WriteString("x", u.ExecutionType);
        w.WriteString("X", o.Status);
        w.WriteString("r", "NONE");
        w.WriteNumber("i", o.OrderId);
        w.WriteString("l", D(u.Fill?.Quantity ?? 0m));
        w.WriteString("z", D(o.Executed));
        w.WriteString("L", D(u.Fill?.Price ?? 0m));
        w.WriteString("n", u.Fill is { } f ? D(f.Commission) : "0");
        if (u.Fill is { } fill) w.WriteString("N", fill.CommissionAsset);
        else w.WriteNull("N");
        w.WriteNumber("T", time);
        w.WriteNumber("t", u.Fill?.Id ?? -1);
        w.WriteNumber("I", Interlocked.Increment(ref _executionIds));
        w.WriteBoolean("w", o.IsOpen && !isStop);
        w.WriteBoolean("m", u.Fill?.IsMaker ?? false);
        w.WriteBoolean("M", false);
        w.WriteNumber("O", o.Time.ToUnixTimeMilliseconds());
        w.WriteString("Z", D(o.CumulativeQuote));
        w.WriteString("Y", D(u.Fill is { } y ? y.Price * y.Quantity : 0m));
        w.WriteString("Q", D(o.QuoteOrderQty));
        w.WriteNumber("W", o.Time.ToUnixTimeMilliseconds());
        w.WriteString("V", "NONE");
    });

    public static byte[] AccountPosition(int subscriptionId, BinanceAccount account, BalanceChange change) => Wrapped(subscriptionId, w =>
    {
        var time = change.Time.ToUnixTimeMilliseconds();
        w.WriteString("e", "outboundAccountPosition");
        w.WriteNumber("E", time);
        w.WriteNumber("u", time);
        w.WriteStartArray("B");
        foreach (var asset in change.Assets.Distinct())
        {
            w.WriteStartObject();
            w.WriteString("a", asset);
            w.WriteString("f", D(account.Free(asset)));
            w.WriteString("l", D(account.Locked(asset)));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] BalanceUpdate(int subscriptionId, BalanceChange change) => Wrapped(subscriptionId, w =>
    {
        var time = change.Time.ToUnixTimeMilliseconds();
        w.WriteString("e", "balanceUpdate");
        w.WriteNumber("E", time);
        w.WriteString("a", change.Assets[0]);
        w.WriteString("d", D(change.Delta!.Value));
        w.WriteNumber("T", time);
    });

    private static byte[] Wrapped(int subscriptionId, Action<Utf8JsonWriter> fields) => MarketEvents.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("subscriptionId", subscriptionId);
        w.WriteStartObject("event");
        fields(w);
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
