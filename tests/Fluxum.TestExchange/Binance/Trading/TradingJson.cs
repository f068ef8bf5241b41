using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Binance.Trading;

/// <summary>Binance's wire form for the account endpoints: decimals as 8-place strings.</summary>
internal static class TradingJson
{
    public static string D(decimal value) => value.ToString("F8", CultureInfo.InvariantCulture);

    public static IResult Ok(JsonNode node) => Results.Json(node);
}
