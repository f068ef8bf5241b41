using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Binance;

/// <summary>Binance's wire conventions: decimals as 8-place strings, errors as {"code","msg"} with HTTP 400.</summary>
internal static class BinanceJson
{
    public static string D(decimal value) => value.ToString("F8", CultureInfo.InvariantCulture);

    public static IResult Error(int code, string msg, int status = 400) =>
        Results.Json(new JsonObject { ["code"] = code, ["msg"] = msg }, statusCode: status);

    public static IResult InvalidSymbol() => Error(-1121, "Invalid symbol.");

    public static IResult Missing(string name) =>
        Error(-1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public static IResult Ok(JsonNode node) => Results.Json(node);

    /// <summary>symbol=X, or symbols=["X","Y"]; null means "all".</summary>
    public static (List<BinanceMarket>? Markets, IResult? Error) Selection(IQueryCollection q)
    {
        if (q.TryGetValue("symbol", out var one) && one.Count > 0)
        {
            return BinanceMarket.Find(one.ToString()) is { } m ? (new() { m }, null) : (null, InvalidSymbol());
        }

        if (q.TryGetValue("symbols", out var many) && many.Count > 0)
        {
            List<string>? names;
            try
            {
                names = JsonNode.Parse(many.ToString())?.AsArray().Select(n => n!.GetValue<string>()).ToList();
            }
            catch (Exception)
            {
                return (null, Error(-1100, "Illegal characters found in parameter 'symbols'; legal range is '^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$'."));
            }

            var list = new List<BinanceMarket>();
            foreach (var name in names ?? new())
            {
                if (BinanceMarket.Find(name) is not { } m) return (null, InvalidSymbol());
                list.Add(m);
            }

            return (list, null);
        }

        return (null, null);
    }

    public static bool TryInt(IQueryCollection q, string name, int fallback, out int value)
    {
        value = fallback;
        return !q.TryGetValue(name, out var raw) || int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryLong(IQueryCollection q, string name, out long? value)
    {
        value = null;
        if (!q.TryGetValue(name, out var raw)) return true;
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return false;
        value = v;
        return true;
    }

    public static IResult BadParameter(string name) =>
        Error(-1100, $"Illegal characters found in parameter '{name}'; legal range is '^[0-9]{{1,20}}$'.");
}
