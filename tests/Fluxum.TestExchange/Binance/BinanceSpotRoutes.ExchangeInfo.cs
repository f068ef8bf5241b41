using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;
using static Fluxum.TestExchange.Binance.BinanceErrors;

namespace Fluxum.TestExchange.Binance;

/// <summary>GET /api/v3/exchangeInfo: rate limits and every symbol's rules, in the current shape.</summary>
internal sealed partial class BinanceSpotRoutes
{
    private IResult ExchangeInfo(HttpRequest request, BinanceTime time)
    {
        var q = request.Query;
        var restricted = q.ContainsKey("symbol") || q.ContainsKey("symbols");
        if (restricted && (q.ContainsKey("symbolStatus") || q.ContainsKey("permissions"))) return BadCombination();
        if (BinanceParams.Selection(q, out var selected, out _) is { } error) return error;
        if (Permissions(q, out var wanted) is { } permissionError) return permissionError;
        var showPermissionSets = !string.Equals(q["showPermissionSets"], "false", StringComparison.OrdinalIgnoreCase);
        var symbols = wanted is null ? selected : selected.Where(s => PermissionSet(s).Intersect(wanted).Any()).ToList();

        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("timezone", "UTC");
            w.WriteNumber("serverTime", time.Of(clock.Now));
            w.WriteStartArray("rateLimits");
            RateLimit(w, "REQUEST_WEIGHT", "MINUTE", 1, options.BinanceWeightLimitPerMinute);
            RateLimit(w, "ORDERS", "SECOND", 10, 100);
            RateLimit(w, "ORDERS", "DAY", 1, 200000);
            RateLimit(w, "RAW_REQUESTS", "MINUTE", 5, 61000);
            w.WriteEndArray();
            w.WriteStartArray("exchangeFilters");
            w.WriteEndArray();
            w.WriteStartArray("symbols");
            foreach (var s in symbols) Symbol(w, s, showPermissionSets);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>permissions=SPOT or permissions=["MARGIN","LEVERAGED"]; null when not sent.</summary>
    private static IResult? Permissions(IQueryCollection q, out IReadOnlyList<string>? wanted)
    {
        wanted = null;
        var raw = q["permissions"].ToString();
        if (raw.Length == 0) return null;
        if (!raw.StartsWith('['))
        {
            wanted = new[] { raw };
            return null;
        }

        try
        {
            wanted = JsonSerializer.Deserialize<string[]>(raw);
            return null;
        }
        catch (JsonException)
        {
            return IllegalChars("permissions", "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$");
        }
    }

    private static string[] PermissionSet(BinanceSymbol s) => s.MarginAllowed ? new[] { "SPOT", "MARGIN" } : new[] { "SPOT" };

    private static void RateLimit(Utf8JsonWriter w, string type, string interval, int intervalNum, int limit)
    {
        w.WriteStartObject();
        w.WriteString("rateLimitType", type);
        w.WriteString("interval", interval);
        w.WriteNumber("intervalNum", intervalNum);
        w.WriteNumber("limit", limit);
        w.WriteEndObject();
    }

    private static void Symbol(Utf8JsonWriter w, BinanceSymbol s, bool showPermissionSets)
    {
        var i = s.Instrument;
        w.WriteStartObject();
        w.WriteString("symbol", s.Symbol);
        w.WriteString("status", s.Status);
        w.WriteString("baseAsset", s.BaseAsset);
        w.WriteNumber("baseAssetPrecision", 8);
        w.WriteString("quoteAsset", s.QuoteAsset);
        w.WriteNumber("quotePrecision", 8);
        w.WriteNumber("quoteAssetPrecision", 8);
        w.WriteNumber("baseCommissionPrecision", 8);
        w.WriteNumber("quoteCommissionPrecision", 8);
        w.WriteStartArray("orderTypes");
        foreach (var t in new[] { "LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT" })
        {
            w.WriteStringValue(t);
        }

        w.WriteEndArray();
        w.WriteBoolean("icebergAllowed", true);
        w.WriteBoolean("ocoAllowed", true);
        w.WriteBoolean("otoAllowed", true);
        w.WriteBoolean("opoAllowed", true);
        w.WriteBoolean("quoteOrderQtyMarketAllowed", true);
        w.WriteBoolean("allowTrailingStop", true);
        w.WriteBoolean("cancelReplaceAllowed", true);
        w.WriteBoolean("amendAllowed", true);
        w.WriteBoolean("pegInstructionsAllowed", true);
        w.WriteBoolean("isSpotTradingAllowed", true);
        w.WriteBoolean("isMarginTradingAllowed", s.MarginAllowed);

        w.WriteStartArray("filters");
        Filter(w, "PRICE_FILTER", ("minPrice", i.Tick), ("maxPrice", s.MaxPrice), ("tickSize", i.Tick));
        if (s.LegacyFilters)
        {
            w.WriteStartObject();
            w.WriteString("filterType", "PERCENT_PRICE");
            w.WriteString("multiplierUp", "5");
            w.WriteString("multiplierDown", "0.2");
            w.WriteNumber("avgPriceMins", 5);
            w.WriteEndObject();
        }

        Filter(w, "LOT_SIZE", ("minQty", s.MinQty), ("maxQty", s.MaxQty), ("stepSize", i.Step));
        if (s.LegacyFilters)
        {
            w.WriteStartObject();
            w.WriteString("filterType", "MIN_NOTIONAL");
            w.WriteFixed("minNotional", Fixed.FromDecimal(s.MinNotional));
            w.WriteBoolean("applyToMarket", true);
            w.WriteNumber("avgPriceMins", 5);
            w.WriteEndObject();
        }

        w.WriteStartObject();
        w.WriteString("filterType", "ICEBERG_PARTS");
        w.WriteNumber("limit", 10);
        w.WriteEndObject();
        Filter(w, "MARKET_LOT_SIZE", ("minQty", 0m), ("maxQty", s.MarketMaxQty), ("stepSize", 0m));
        if (!s.LegacyFilters)
        {
            w.WriteStartObject();
            w.WriteString("filterType", "TRAILING_DELTA");
            w.WriteNumber("minTrailingAboveDelta", 10);
            w.WriteNumber("maxTrailingAboveDelta", 2000);
            w.WriteNumber("minTrailingBelowDelta", 10);
            w.WriteNumber("maxTrailingBelowDelta", 2000);
            w.WriteEndObject();

            w.WriteStartObject();
            w.WriteString("filterType", "PERCENT_PRICE_BY_SIDE");
            w.WriteString("bidMultiplierUp", "5");
            w.WriteString("bidMultiplierDown", "0.2");
            w.WriteString("askMultiplierUp", "5");
            w.WriteString("askMultiplierDown", "0.2");
            w.WriteNumber("avgPriceMins", 5);
            w.WriteEndObject();

            w.WriteStartObject();
            w.WriteString("filterType", "NOTIONAL");
            w.WriteFixed("minNotional", Fixed.FromDecimal(s.MinNotional));
            w.WriteBoolean("applyMinToMarket", true);
            w.WriteFixed("maxNotional", Fixed.FromDecimal(9000000m));
            w.WriteBoolean("applyMaxToMarket", false);
            w.WriteNumber("avgPriceMins", 5);
            w.WriteEndObject();
        }

        Count(w, "MAX_NUM_ORDERS", "maxNumOrders", 200);
        if (!s.LegacyFilters) Count(w, "MAX_NUM_ORDER_LISTS", "maxNumOrderLists", 20);
        Count(w, "MAX_NUM_ALGO_ORDERS", "maxNumAlgoOrders", 5);
        if (!s.LegacyFilters) Count(w, "MAX_NUM_ORDER_AMENDS", "maxNumOrderAmends", 10);
        w.WriteEndArray();

        w.WriteStartArray("permissions");
        w.WriteEndArray();
        w.WriteStartArray("permissionSets");
        if (showPermissionSets)
        {
            w.WriteStartArray();
            foreach (var p in PermissionSet(s)) w.WriteStringValue(p);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteString("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
        w.WriteStartArray("allowedSelfTradePreventionModes");
        foreach (var mode in new[] { "NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT" }) w.WriteStringValue(mode);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Filter(Utf8JsonWriter w, string type, params (string Name, decimal Value)[] fields)
    {
        w.WriteStartObject();
        w.WriteString("filterType", type);
        foreach (var (name, value) in fields) w.WriteFixed(name, Fixed.FromDecimal(value));
        w.WriteEndObject();
    }

    private static void Count(Utf8JsonWriter w, string type, string name, int value)
    {
        w.WriteStartObject();
        w.WriteString("filterType", type);
        w.WriteNumber(name, value);
        w.WriteEndObject();
    }
}
