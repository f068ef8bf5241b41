using System.Text.Json;
using Fluxum.Engine.Json;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>Binance's {"code":-1121,"msg":"Invalid symbol."} bodies, with a category per code family (errors.md).</summary>
internal sealed partial class BinanceErrorReader(ExchangeId exchange) : IErrorReader
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
        if (code == -1003) return TooManyRequests(msgElement.GetString() ?? "");

        var error = new ExchangeErrorException(exchange, code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            msgElement.GetString() ?? "", httpStatus, KindOf(code), BinanceSpotModule.Family)
        {
            RecommendedAction = Advice(code),
        };
        return error;
    }

    /// <summary>
    /// -1003 means the same as a 429 (or, with "banned until", a 418) whatever HTTP status carried it: the gate
    /// must stop sending, until the ban's end when the message names it, else until the weight window (a minute) turns.
    /// </summary>
    private RateLimitedException TooManyRequests(string message)
    {
        var now = DateTimeOffset.UtcNow;
        var ban = BannedUntil().Match(message);
        if (ban.Success && long.TryParse(ban.Groups["ms"].Value, out var ms))
        {
            return new RateLimitedException(exchange, DateTimeOffset.FromUnixTimeMilliseconds(ms), isBan: true, $"Binance -1003: {message}");
        }

        var nextMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        return new RateLimitedException(exchange, nextMinute, isBan: false, $"Binance -1003: {message}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"banned until (?<ms>\d{12,})", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BannedUntil();

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
