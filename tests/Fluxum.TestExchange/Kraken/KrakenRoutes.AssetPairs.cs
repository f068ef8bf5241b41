using System.Globalization;
using System.Text.Json;
using Fluxum.TestExchange.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Kraken;

/// <summary>GET /0/public/AssetPairs: pair=A,B optional; info=info (default), leverage, fees or margin.</summary>
internal sealed partial class KrakenRoutes
{
    private static readonly (int Volume, double Percent)[] TakerFees =
    {
        (0, 0.4), (10000, 0.35), (50000, 0.24), (100000, 0.22), (250000, 0.2), (500000, 0.18), (1000000, 0.16), (2500000, 0.14),
        (5000000, 0.12), (10000000, 0.1),
    };

    private static readonly (int Volume, double Percent)[] MakerFees =
    {
        (0, 0.25), (10000, 0.2), (50000, 0.14), (100000, 0.12), (250000, 0.1), (500000, 0.08), (1000000, 0.06), (2500000, 0.04),
        (5000000, 0.02), (10000000, 0),
    };

    private IResult AssetPairs(RequestParams p)
    {
        if (Pairs(p, out var pairs) is { } error) return error;
        var info = p.NonEmpty("info") ?? "info";
        if (info is not ("info" or "leverage" or "fees" or "margin")) return InvalidArguments();
        return Result(w =>
        {
            foreach (var pair in pairs)
            {
                w.WriteStartObject(pair.Key);
                switch (info)
                {
                    case "leverage":
                        Leverage(w, pair);
                        break;
                    case "fees":
                        Fees(w);
                        break;
                    case "margin":
                        w.WriteNumber("margin_call", 80);
                        w.WriteNumber("margin_stop", 40);
                        break;
                    default:
                        PairInfo(w, pair);
                        break;
                }

                w.WriteEndObject();
            }
        });
    }

    private static void PairInfo(Utf8JsonWriter w, KrakenPair pair)
    {
        var i = pair.Instrument;
        w.WriteString("altname", pair.AltName);
        w.WriteString("wsname", pair.WsName);
        w.WriteString("aclass_base", "currency");
        w.WriteString("base", pair.Base);
        w.WriteString("aclass_quote", "currency");
        w.WriteString("quote", pair.Quote);
        w.WriteString("lot", "unit");
        w.WriteNumber("cost_decimals", pair.CostDecimals);
        w.WriteNumber("pair_decimals", i.PriceDecimals);
        w.WriteNumber("lot_decimals", i.QuantityDecimals);
        w.WriteNumber("lot_multiplier", 1);
        Leverage(w, pair);
        Fees(w);
        w.WriteNumber("margin_call", 80);
        w.WriteNumber("margin_stop", 40);
        w.WriteString("ordermin", pair.OrderMin.ToString(CultureInfo.InvariantCulture));
        w.WriteString("costmin", pair.CostMin.ToString(CultureInfo.InvariantCulture));
        w.WriteString("tick_size", i.Tick.ToString(CultureInfo.InvariantCulture));
        w.WriteString("status", "online");
        w.WriteNumber("long_position_limit", pair.LongPositionLimit);
        w.WriteNumber("short_position_limit", pair.ShortPositionLimit);
    }

    private static void Leverage(Utf8JsonWriter w, KrakenPair pair)
    {
        w.WriteStartArray("leverage_buy");
        foreach (var l in pair.Leverage) w.WriteNumberValue(l);
        w.WriteEndArray();
        w.WriteStartArray("leverage_sell");
        foreach (var l in pair.Leverage) w.WriteNumberValue(l);
        w.WriteEndArray();
    }

    private static void Fees(Utf8JsonWriter w)
    {
        Schedule(w, "fees", TakerFees);
        Schedule(w, "fees_maker", MakerFees);
        w.WriteString("fee_volume_currency", "ZUSD");
    }

    private static void Schedule(Utf8JsonWriter w, string name, (int Volume, double Percent)[] tiers)
    {
        w.WriteStartArray(name);
        foreach (var (volume, percent) in tiers)
        {
            w.WriteStartArray();
            w.WriteNumberValue(volume);
            w.WriteNumberValue(percent);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
