namespace Fluxum.TestExchange.Binance;

/// <summary>Request weight per endpoint (Binance spot REST docs) and the per-minute window it is counted in.</summary>
public sealed class BinanceWeights
{
    private readonly object _sync = new();
    private long _minute;
    private int _used;

    public int UsedWeight
    {
        get
        {
            lock (_sync) return _used;
        }
    }

    public void Reset()
    {
        lock (_sync) _used = 0;
    }

    /// <summary>Adds the weight; false (and nothing added) when it would pass the limit.</summary>
    internal bool TryUse(int weight, int limit, DateTimeOffset now, out int used, out int secondsLeft)
    {
        lock (_sync)
        {
            var minute = now.ToUnixTimeSeconds() / 60;
            if (minute != _minute)
            {
                _minute = minute;
                _used = 0;
            }

            secondsLeft = (int)(60 - now.ToUnixTimeSeconds() % 60);
            if (_used + weight > limit)
            {
                used = _used;
                return false;
            }

            _used += weight;
            used = _used;
            return true;
        }
    }

    internal static int Of(string path, IQueryCollection query)
    {
        int SymbolsCount() => query.ContainsKey("symbol") ? 1 : query.TryGetValue("symbols", out var s) ? s.ToString().Count(c => c == ',') + 1 : 0;
        return path switch
        {
            "/api/v3/exchangeInfo" => 20,
            "/api/v3/depth" => int.TryParse(query["limit"], out var l) ? l switch { <= 100 => 5, <= 500 => 25, <= 1000 => 50, _ => 250 } : 5,
            "/api/v3/trades" or "/api/v3/historicalTrades" => 25,
            "/api/v3/aggTrades" => 4,
            "/api/v3/klines" => 2,
            "/api/v3/ticker/24hr" => SymbolsCount() switch { 0 => 80, <= 20 => 2, <= 100 => 40, _ => 80 },
            "/api/v3/ticker/price" or "/api/v3/ticker/bookTicker" => SymbolsCount() == 1 ? 2 : 4,
            _ => 1,
        };
    }
}
