using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fluxum.TestExchange.Binance;

/// <summary>
/// Binance spot public REST under /api/v3 with the real paths, parameters, shapes and errors. The handlers
/// live in the other parts of this class, one file per group of endpoints.
/// </summary>
internal sealed partial class BinanceSpotRoutes(ExchangeClock clock, TestExchangeOptions options)
{
    public void Map(IEndpointRouteBuilder app)
    {
        Get(app, "/api/v3/ping", (_, _) => Ok(w =>
        {
            w.WriteStartObject();
            w.WriteEndObject();
        }));
        Get(app, "/api/v3/time", (_, time) => Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("serverTime", time.Of(clock.Now));
            w.WriteEndObject();
        }));
        Get(app, "/api/v3/exchangeInfo", ExchangeInfo);
        Get(app, "/api/v3/depth", Depth);
        Get(app, "/api/v3/trades", (r, time) => Trades(r, time, history: false));
        Get(app, "/api/v3/historicalTrades", (r, time) => Trades(r, time, history: true));
        Get(app, "/api/v3/aggTrades", AggTrades);
        Get(app, "/api/v3/klines", Klines);
        Get(app, "/api/v3/uiKlines", Klines);
        Get(app, "/api/v3/avgPrice", AvgPrice);
        Get(app, "/api/v3/ticker/24hr", Ticker24h);
        Get(app, "/api/v3/ticker/price", TickerPrice);
        Get(app, "/api/v3/ticker/bookTicker", BookTicker);
    }

    /// <summary>
    /// Paths are case-sensitive on Binance (routing here is not, so a wrong case is a 404); every endpoint
    /// checks the X-MBX-TIME-UNIT header first.
    /// </summary>
    private static void Get(IEndpointRouteBuilder app, string path, Func<HttpRequest, BinanceTime, IResult> handler) =>
        app.MapGet(path, (HttpRequest request) =>
            request.Path.Value != path ? Results.NotFound()
            : BinanceParams.TimeUnit(request, out var time) is { } error ? error
            : handler(request, time));

    private static IResult Ok(Action<Utf8JsonWriter> write) => new JsonBody(StatusCodes.Status200OK, Venues.BinanceContentType, write);
}
