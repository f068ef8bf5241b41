using System.Text.Json;
using Fluxum.Engine.Json;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Adapters.Binance;

/// <summary>Binance's {"code":-1121,"msg":"Invalid symbol."} bodies, with a category per code family (errors.md).</summary>
internal sealed class BinanceErrorReader(ExchangeId exchange) : IErrorReader
{
    public FxException? Read(int httpStatus, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object
            || body.Find("code") is not { ValueKind: JsonValueKind.Number } codeElement
            || body.Find("msg") is not { ValueKind: JsonValueKind.String } msgElement)
        {
            return null;
        }

        var code = codeElement.GetInt32();
        var error = new ExchangeErrorException(exchange, code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            msgElement.GetString() ?? "", httpStatus, KindOf(code))
        {
            RecommendedAction = Advice(code),
        };
        return error;
    }

    public static FxErrorKind KindOf(int code) => code switch
    {
        -1121 or -2011 or -2013 or -2026 => FxErrorKind.ObjectNotFound,
        -1003 or -1015 or -1008 => FxErrorKind.LimitsExceeded,
        -1022 => FxErrorKind.SecurityError,
        -2014 or -2015 or -1002 => FxErrorKind.PermissionDenied,
        -1000 or -1001 or -1006 or -1007 => FxErrorKind.ResourceUnavailable,
        -1021 => FxErrorKind.InvalidOperation,
        -1013 => FxErrorKind.InvalidArgument,
        <= -1100 and >= -1199 => FxErrorKind.InvalidArgument,
        -2010 => FxErrorKind.InvalidOperation,
        _ => FxErrorKind.InvalidOperation,
    };

    private static string? Advice(int code) => code switch
    {
        -1121 => "Check the symbol with Get-FxSymbol.",
        -1021 => "The local clock differs from the exchange's; check Get-FxServerTime and the machine's time sync.",
        -1022 or -2014 or -2015 => "Check the API key, its secret and its permissions (IP restrictions too).",
        _ => null,
    };
}
