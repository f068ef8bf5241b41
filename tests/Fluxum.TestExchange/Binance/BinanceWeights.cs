using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Binance;

/// <summary>Request weight per endpoint, from the current Binance spot REST docs.</summary>
internal static class BinanceWeights
{
    /// <summary>The weight of a request. Only GETs carry their parameters in the query for certain, so only reads look at it.</summary>
    public static int Of(string method, string path, IQueryCollection query)
    {
        if (!HttpMethods.IsGet(method)) return 1;
        var symbols = SymbolCount(query);
        return path switch
        {
            "/api/v3/order" or "/api/v3/orderList" => 4,
            "/api/v3/ping" or "/api/v3/time" => 1,
            "/api/v3/exchangeInfo" => 20,
            "/api/v3/depth" => Depth(query),
            "/api/v3/trades" or "/api/v3/historicalTrades" => 25,
            "/api/v3/aggTrades" => 4,
            "/api/v3/account" or "/api/v3/allOrders" or "/api/v3/myTrades" => 20,
            "/api/v3/openOrders" => query.ContainsKey("symbol") ? 6 : 80,
            "/api/v3/klines" or "/api/v3/uiKlines" or "/api/v3/avgPrice" => 2,
            "/api/v3/ticker/24hr" => symbols switch { 0 => 80, <= 20 => 2, <= 100 => 40, _ => 80 },
            "/api/v3/ticker/price" or "/api/v3/ticker/bookTicker" => query.ContainsKey("symbol") ? 2 : 4,
            _ => 1,
        };
    }

    /// <summary>1-100: 5, 101-500: 25, 501-1000: 50, 1001-5000 (and above, served as 5000): 250.</summary>
    private static int Depth(IQueryCollection query) =>
        int.TryParse(query["limit"], out var limit) ? limit switch { <= 100 => 5, <= 500 => 25, <= 1000 => 50, _ => 250 } : 5;

    /// <summary>symbol=X counts one; symbols=["A","B"] counts its entries; neither counts zero ("all").</summary>
    private static int SymbolCount(IQueryCollection query)
    {
        if (query.ContainsKey("symbol")) return 1;
        if (!query.TryGetValue("symbols", out var raw)) return 0;
        var quotes = raw.ToString().Count(c => c == '"');
        return Math.Max(1, quotes / 2);
    }
}
