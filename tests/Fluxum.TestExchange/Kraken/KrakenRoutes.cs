using System.Globalization;
using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fluxum.TestExchange.Kraken;

/// <summary>
/// Kraken spot public REST under /0/public: GET or POST (form) parameters, HTTP 200 with
/// {"error":[...],"result":{...}} for answers and errors alike. Handlers are in the other parts of this class.
/// </summary>
internal sealed partial class KrakenRoutes(ExchangeClock clock)
{
    private static readonly string[] Methods = { "GET", "POST" };

    public void Map(IEndpointRouteBuilder app)
    {
        Public(app, "Time", _ => Result(w =>
        {
            var now = clock.Now;
            w.WriteNumber("unixtime", now.ToUnixTimeSeconds());
            w.WriteString("rfc1123", now.UtcDateTime.ToString("ddd, dd MMM yy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        }));
        Public(app, "SystemStatus", _ => Result(w =>
        {
            w.WriteString("status", "online");
            w.WriteString("timestamp", clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }));
        Public(app, "AssetPairs", AssetPairs);
        Public(app, "Depth", Depth);
        Public(app, "Ticker", Ticker);
        Public(app, "Trades", Trades);
        Public(app, "OHLC", Ohlc);
        app.MapMethods("/0/public/{method}", Methods, () => Error("EGeneral:Unknown method", StatusCodes.Status404NotFound));
    }

    /// <summary>Method names are case-sensitive on Kraken; routing here is not, so a wrong case is an unknown method.</summary>
    private static void Public(IEndpointRouteBuilder app, string method, Func<RequestParams, IResult> handler)
    {
        var path = "/0/public/" + method;
        app.MapMethods(path, Methods, async (HttpRequest request) =>
            request.Path.Value == path ? handler(await RequestParams.ReadAsync(request)) : Error("EGeneral:Unknown method", StatusCodes.Status404NotFound));
    }

    private static IResult Result(Action<Utf8JsonWriter> writeResult) => new JsonBody(StatusCodes.Status200OK, Venues.KrakenContentType, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("error");
        w.WriteEndArray();
        w.WriteStartObject("result");
        writeResult(w);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static IResult Error(string error, int status = StatusCodes.Status200OK) => new JsonBody(status, Venues.KrakenContentType, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("error");
        w.WriteStringValue(error);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static IResult UnknownPair() => Error("EQuery:Unknown asset pair");

    private static IResult InvalidArguments() => Error("EGeneral:Invalid arguments");

    /// <summary>pair=A,B (keys or altnames); null list means all pairs; duplicates answered once.</summary>
    private static IResult? Pairs(RequestParams p, out IReadOnlyList<KrakenPair> pairs)
    {
        pairs = KrakenPairs.All;
        if (p.NonEmpty("pair") is not { } raw) return null;
        var list = new List<KrakenPair>();
        foreach (var name in raw.Split(','))
        {
            if (KrakenPairs.Find(name.Trim()) is not { } pair) return UnknownPair();
            if (!list.Contains(pair)) list.Add(pair);
        }

        pairs = list;
        return null;
    }

    /// <summary>The one pair of Depth, Trades and OHLC.</summary>
    private static IResult? OnePair(RequestParams p, out KrakenPair pair)
    {
        pair = null!;
        if (p.NonEmpty("pair") is not { } raw || raw.Contains(',')) return InvalidArguments();
        if (KrakenPairs.Find(raw.Trim()) is not { } found) return UnknownPair();
        pair = found;
        return null;
    }

    /// <summary>An optional integer in [min, max]; false when sent but not such a number.</summary>
    private static bool TryInt(RequestParams p, string name, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (p.NonEmpty(name) is not { } raw) return true;
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
