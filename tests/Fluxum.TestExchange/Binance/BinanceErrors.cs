using Fluxum.TestExchange.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Binance;

/// <summary>Binance error answers: HTTP 400 with {"code":..,"msg":..}, texts from the docs' errors.md.</summary>
internal static class BinanceErrors
{
    public static IResult Error(int code, string msg, int status = StatusCodes.Status400BadRequest) =>
        new JsonBody(status, Venues.BinanceContentType, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", code);
            w.WriteString("msg", msg);
            w.WriteEndObject();
        });

    public static IResult InvalidSymbol() => Error(-1121, "Invalid symbol.");

    public static IResult Mandatory(string name) => Error(-1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public static IResult IllegalChars(string name, string legalRange) =>
        Error(-1100, $"Illegal characters found in parameter '{name}'; legal range is '{legalRange}'.");

    public static IResult NotValid(string name) => Error(-1130, $"Data sent for parameter '{name}' is not valid.");

    public static IResult InvalidInterval() => Error(-1120, "Invalid interval.");

    public static IResult BadCombination() => Error(-1128, "Combination of optional parameters invalid.");

    public static IResult DuplicateSymbols() => Error(-1151, "Symbol is present multiple times in the list.");

    public static IResult InvalidSymbolStatus() => Error(-1122, "Invalid symbolStatus.");

    public static IResult StatusMismatch() => Error(-1220, "The symbol's status does not match the requested symbolStatus.");

    public static IResult InvalidTickerType() => Error(-1139, "Invalid ticker type.");

    public static IResult InvalidTimeUnit() => Error(-1194, "Invalid value for time unit; expected either MICROSECOND or MILLISECOND.");

    public static IResult TooManyHours(int hours) => Error(-1127, $"More than {hours} hours between startTime and endTime.");
}
