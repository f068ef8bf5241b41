namespace Fluxum.Models;

/// <summary>Display names and error-id prefixes of the exchanges.</summary>
public static class ExchangeNames
{
    /// <summary>Binance's three markets share one error code table, so their ids share one prefix.</summary>
    public static string ErrorPrefix(ExchangeId exchange) => exchange switch
    {
        ExchangeId.BinanceUsdM or ExchangeId.BinanceCoinM => "Binance",
        _ => exchange.ToString(),
    };

    public static string DisplayName(ExchangeId exchange) => exchange switch
    {
        ExchangeId.Binance => "Binance Spot",
        ExchangeId.BinanceUsdM => "Binance USD-M Futures",
        ExchangeId.BinanceCoinM => "Binance COIN-M Futures",
        _ => exchange.ToString(),
    };
}
