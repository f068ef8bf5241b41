using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Symbols;

/// <summary>
/// An exchange's symbols, looked up by unified name (BTC/USDT, BTC-USDT, XBT/USD), native name (BTCUSDT,
/// XXBTZUSD) or any alternate name the exchange accepts, all case-insensitively.
/// </summary>
public sealed class SymbolCatalog
{
    private readonly Dictionary<string, SymbolInfo> _byName = new(StringComparer.OrdinalIgnoreCase);

    public SymbolCatalog(ExchangeId exchange, IEnumerable<SymbolInfo> symbols, DateTimeOffset loadedAt, IReadOnlyList<FxException>? errors = null)
    {
        Exchange = exchange;
        LoadedAt = loadedAt;
        Errors = errors ?? Array.Empty<FxException>();
        var list = new List<SymbolInfo>();
        foreach (var s in symbols)
        {
            list.Add(s);
            _byName.TryAdd(s.NativeSymbol, s);
            foreach (var alt in s.AlternateNames.Split(',', StringSplitOptions.RemoveEmptyEntries)) _byName.TryAdd(alt, s);
        }

        // Unified names go last: a native name that happens to equal another pair's unified form wins.
        foreach (var s in list) _byName.TryAdd(s.Symbol, s);
        Symbols = list;
    }

    public ExchangeId Exchange { get; }
    public DateTimeOffset LoadedAt { get; }
    public IReadOnlyList<SymbolInfo> Symbols { get; }

    /// <summary>The symbols the exchange listed but that could not be read, one error each; they are not in the catalog.</summary>
    public IReadOnlyList<FxException> Errors { get; }

    public bool TryResolve(string name, out SymbolInfo symbol)
    {
        symbol = null!;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var key = name.Trim();
        if (_byName.TryGetValue(key, out symbol!)) return true;

        // BTC-USDT, btc_usdt and XBT/USD are the unified form written another way.
        var parts = key.Split('/', '-', '_', ':');
        if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
        {
            return _byName.TryGetValue(AssetCodes.Unified(parts[0], parts[1]), out symbol!);
        }

        return false;
    }

    public SymbolInfo Resolve(string name) => TryResolve(name, out var s) ? s : throw NotFound(name);

    /// <summary>The error for a name this exchange does not list.</summary>
    public FxException NotFound(string name) =>
        new("Fluxum.UnknownSymbol", FxErrorKind.ObjectNotFound,
            $"{Exchange} has no symbol '{name}'. Use the unified form (BTC/USDT) or the exchange's own (see Get-FxSymbol -Exchange {Exchange})."
            + (Errors.Count > 0 ? $" {Errors.Count} of the symbols it listed could not be read (Get-FxSymbol shows why)." : ""),
            Exchange)
        {
            RecommendedAction = $"List the symbols with Get-FxSymbol -Exchange {Exchange}.",
        };
}
