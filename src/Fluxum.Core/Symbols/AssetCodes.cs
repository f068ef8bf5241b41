namespace Fluxum.Symbols;

/// <summary>Common asset codes: the unified symbol uses BTC and DOGE whatever an exchange calls them.</summary>
public static class AssetCodes
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["XBT"] = "BTC",
        ["XXBT"] = "BTC",
        ["XDG"] = "DOGE",
        ["XXDG"] = "DOGE",
        ["XETH"] = "ETH",
        ["ZUSD"] = "USD",
        ["ZEUR"] = "EUR",
        ["ZGBP"] = "GBP",
        ["ZJPY"] = "JPY",
        ["ZCAD"] = "CAD",
        ["ZCHF"] = "CHF",
        ["ZAUD"] = "AUD",
    };

    public static string Common(string code) => Aliases.TryGetValue(code, out var common) ? common : code.ToUpperInvariant();

    public static string Unified(string baseAsset, string quoteAsset) => $"{Common(baseAsset)}/{Common(quoteAsset)}";
}
