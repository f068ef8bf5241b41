using Fluxum.Engine.Transport;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>Binance spot's REST endpoints with the request weights its current docs give (the weight budget counts these).</summary>
internal static class BinanceSpotEndpoints
{
    public static readonly Endpoint Time = Endpoint.Get("api/v3/time", 1);
    public static readonly Endpoint ExchangeInfo = Endpoint.Get("api/v3/exchangeInfo", 20);

    /// <summary>Weight by the levels asked for.</summary>
    public static readonly Endpoint Depth = Endpoint.Get("api/v3/depth", 5) with
    {
        WeightOf = limit => limit switch { <= 100 => 5, <= 500 => 25, <= 1000 => 50, _ => 250 },
    };

    /// <summary>Weight by the number of symbols asked for (0: all of them).</summary>
    public static readonly Endpoint Ticker24h = Endpoint.Get("api/v3/ticker/24hr", 2) with { WeightOf = n => n == 0 || n > 100 ? 80 : n > 20 ? 40 : 2 };
    public static readonly Endpoint TickerPrice = Endpoint.Get("api/v3/ticker/price", 2) with { WeightOf = n => n == 1 ? 2 : 4 };
    public static readonly Endpoint TickerBook = Endpoint.Get("api/v3/ticker/bookTicker", 2) with { WeightOf = n => n == 1 ? 2 : 4 };

    public static readonly Endpoint AggregateTrades = Endpoint.Get("api/v3/aggTrades", 4);
    public static readonly Endpoint RecentTrades = Endpoint.Get("api/v3/trades", 25);
    public static readonly Endpoint HistoricalTrades = Endpoint.Get("api/v3/historicalTrades", 25);
    public static readonly Endpoint Klines = Endpoint.Get("api/v3/klines", 2);

    public static readonly Endpoint Account = Signed(HttpMethod.Get, "api/v3/account", 20);
    public static readonly Endpoint NewOrder = Signed(HttpMethod.Post, "api/v3/order", 1) with { CountsAsOrder = true };

    /// <summary>Validates an order like the matching engine would, without placing it: no order counted.</summary>
    public static readonly Endpoint TestOrder = Signed(HttpMethod.Post, "api/v3/order/test", 1);
    public static readonly Endpoint NewOco = Signed(HttpMethod.Post, "api/v3/orderList/oco", 1) with { CountsAsOrder = true };
    public static readonly Endpoint NewOto = Signed(HttpMethod.Post, "api/v3/orderList/oto", 1) with { CountsAsOrder = true };
    public static readonly Endpoint QueryOrderList = Signed(HttpMethod.Get, "api/v3/orderList", 4);
    public static readonly Endpoint QueryOrder = Signed(HttpMethod.Get, "api/v3/order", 4);
    public static readonly Endpoint CancelOrder = Signed(HttpMethod.Delete, "api/v3/order", 1);

    /// <summary>Weight by symbols: 6 for one, 80 for all (size 0).</summary>
    public static readonly Endpoint OpenOrders = Signed(HttpMethod.Get, "api/v3/openOrders", 6) with { WeightOf = n => n == 0 ? 80 : 6 };
    public static readonly Endpoint CancelOpenOrders = Signed(HttpMethod.Delete, "api/v3/openOrders", 1);
    public static readonly Endpoint AllOrders = Signed(HttpMethod.Get, "api/v3/allOrders", 20);
    public static readonly Endpoint MyTrades = Signed(HttpMethod.Get, "api/v3/myTrades", 20);

    private static Endpoint Signed(HttpMethod method, string path, int weight) => new(method, path, weight) { Signed = true };
}
