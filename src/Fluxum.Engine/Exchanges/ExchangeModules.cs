using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Models;

namespace Fluxum.Engine.Exchanges;

/// <summary>
/// The one list of exchanges. A new exchange replaces its planned entry here with its module: this line is the
/// only place outside its own folder that names it.
/// </summary>
internal static class ExchangeModules
{
    public static IReadOnlyList<IExchangeModule> All { get; } = new IExchangeModule[]
    {
        new BinanceSpotModule(),
        new PlannedExchange(ExchangeId.BinanceUsdM, "Binance USD-M Futures", "Binance", MarketType.UsdMarginedFutures,
            new(new ExchangeAddress("https://fapi.binance.com", "https://testnet.binancefuture.com"))),
        new PlannedExchange(ExchangeId.BinanceCoinM, "Binance COIN-M Futures", "Binance", MarketType.CoinMarginedFutures,
            new(new ExchangeAddress("https://dapi.binance.com", "https://testnet.binancefuture.com"))),
        new KrakenSpotModule(),
        new PlannedExchange(ExchangeId.Coinbase, "Coinbase", "Coinbase", MarketType.Spot, new(new ExchangeAddress("https://api.coinbase.com"))),
        new PlannedExchange(ExchangeId.Gemini, "Gemini", "Gemini", MarketType.Spot,
            new(new ExchangeAddress("https://api.gemini.com", "https://api.sandbox.gemini.com"))),
        new PlannedExchange(ExchangeId.Mexc, "MEXC", "Mexc", MarketType.Spot, new(new ExchangeAddress("https://api.mexc.com"))),
        new PlannedExchange(ExchangeId.Hyperliquid, "Hyperliquid", "Hyperliquid", MarketType.Perpetuals,
            new(new ExchangeAddress("https://api.hyperliquid.xyz", "https://api.hyperliquid-testnet.xyz"))),
        new PlannedExchange(ExchangeId.Bitrue, "Bitrue", "Bitrue", MarketType.Spot, new(new ExchangeAddress("https://openapi.bitrue.com"))),
    };

    public static IExchangeModule Of(ExchangeId exchange) =>
        All.FirstOrDefault(m => m.Info.Exchange == exchange) ?? throw new InvalidOperationException($"{exchange} is in no module list entry.");
}
