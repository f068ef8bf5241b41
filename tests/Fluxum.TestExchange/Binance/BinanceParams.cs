using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using static Fluxum.TestExchange.Binance.BinanceErrors;

namespace Fluxum.TestExchange.Binance;

/// <summary>
/// Binance's parameter checks, in its order and with its errors: mandatory (-1102), characters (-1100), then
/// meaning (-1121 unknown symbol, -1130 bad value). Each returns the error to send, or null when fine.
/// </summary>
internal static partial class BinanceParams
{
    private const string Digits = "^[0-9]{1,20}$";
    private const string SymbolRange = "^[A-Z0-9-_.]{1,20}$";
    private const string SymbolsRange = "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$";

    [GeneratedRegex(@"^[A-Z0-9\-_.]{1,20}$")]
    private static partial Regex SymbolPattern();

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex DigitsPattern();

    public static IResult? Symbol(IQueryCollection q, out BinanceSymbol symbol)
    {
        symbol = null!;
        var raw = q["symbol"].ToString();
        if (raw.Length == 0) return Mandatory("symbol");
        if (!SymbolPattern().IsMatch(raw)) return IllegalChars("symbol", SymbolRange);
        if (BinanceMarkets.Find(raw) is not { } found) return InvalidSymbol();
        symbol = found;
        return null;
    }

    /// <summary>limit: default when absent, capped at max (Binance serves the maximum rather than failing).</summary>
    public static IResult? Limit(IQueryCollection q, int fallback, int max, out int limit)
    {
        limit = fallback;
        if (!q.TryGetValue("limit", out var raw)) return null;
        var text = raw.ToString();
        if (text.Length == 0) return null;
        if (!DigitsPattern().IsMatch(text)) return IllegalChars("limit", Digits);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1) return NotValid("limit");
        limit = (int)Math.Min(value, max);
        return null;
    }

    public static IResult? Long(IQueryCollection q, string name, out long? value)
    {
        value = null;
        var text = q[name].ToString();
        if (text.Length == 0) return null;
        if (!DigitsPattern().IsMatch(text)) return IllegalChars(name, Digits);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return NotValid(name);
        value = v;
        return null;
    }

    /// <summary>A timestamp in milliseconds, or in microseconds (the docs allow both; 16+ digits are microseconds).</summary>
    public static IResult? Time(IQueryCollection q, string name, out DateTimeOffset? value)
    {
        value = null;
        if (Long(q, name, out var raw) is { } error) return error;
        if (raw is not { } v) return null;
        try
        {
            value = v >= 100_000_000_000_000 ? DateTimeOffset.UnixEpoch.AddTicks(v * 10) : DateTimeOffset.FromUnixTimeMilliseconds(v);
        }
        catch (ArgumentOutOfRangeException)
        {
            return NotValid(name);
        }

        return null;
    }

    /// <summary>
    /// symbol=X (one object answered), symbols=["A","B"] or neither (all; arrays answered), filtered by
    /// symbolStatus: a single symbol of another status is error -1220, lists just leave it out.
    /// </summary>
    public static IResult? Selection(IQueryCollection q, out IReadOnlyList<BinanceSymbol> selected, out bool single)
    {
        selected = Array.Empty<BinanceSymbol>();
        single = false;
        string? status = null;
        if (q.TryGetValue("symbolStatus", out var rawStatus) && rawStatus.ToString().Length > 0)
        {
            status = rawStatus.ToString();
            if (status is not ("TRADING" or "HALT" or "BREAK")) return InvalidSymbolStatus();
        }

        var hasSymbol = q.ContainsKey("symbol");
        var hasSymbols = q.ContainsKey("symbols");
        if (hasSymbol && hasSymbols) return BadCombination();
        if (hasSymbol)
        {
            if (Symbol(q, out var one) is { } error) return error;
            if (status is not null && one.Status != status) return StatusMismatch();
            selected = new[] { one };
            single = true;
            return null;
        }

        IEnumerable<BinanceSymbol> list = BinanceMarkets.All;
        if (hasSymbols)
        {
            if (Symbols(q["symbols"].ToString(), out var named) is { } error) return error;
            list = named;
        }

        selected = status is null ? list.ToList() : list.Where(s => s.Status == status).ToList();
        return null;
    }

    private static IResult? Symbols(string raw, out List<BinanceSymbol> symbols)
    {
        symbols = new List<BinanceSymbol>();
        string[]? names;
        try
        {
            names = JsonSerializer.Deserialize<string[]>(raw);
        }
        catch (JsonException)
        {
            names = null;
        }

        if (names is null || names.Length == 0 || names.Any(n => n is null || !SymbolPattern().IsMatch(n)))
        {
            return IllegalChars("symbols", SymbolsRange);
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) return DuplicateSymbols();
        foreach (var name in names)
        {
            if (BinanceMarkets.Find(name) is not { } s) return InvalidSymbol();
            symbols.Add(s);
        }

        return null;
    }

    /// <summary>The X-MBX-TIME-UNIT header: MILLISECOND (default) or MICROSECOND, either case.</summary>
    public static IResult? TimeUnit(HttpRequest request, out BinanceTime time)
    {
        time = default;
        var header = request.Headers["X-MBX-TIME-UNIT"].ToString();
        if (header.Length == 0 || header is "MILLISECOND" or "millisecond") return null;
        if (header is "MICROSECOND" or "microsecond")
        {
            time = new BinanceTime(true);
            return null;
        }

        return InvalidTimeUnit();
    }
}

/// <summary>Time fields of an answer: milliseconds, or microseconds when X-MBX-TIME-UNIT asked for them.</summary>
internal readonly record struct BinanceTime(bool Micros)
{
    public long Of(DateTimeOffset t) => Micros ? (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10 : t.ToUnixTimeMilliseconds();

    public long OfMicros(long micros) => Micros ? micros : micros / 1000;
}
