namespace Fluxum.Models;

/// <summary>The exchanges Fluxum knows, as typed after -Exchange.</summary>
public enum ExchangeId
{
    Binance,
    BinanceUsdM,
    BinanceCoinM,
    Kraken,
    Coinbase,
    Gemini,
    Mexc,
    Hyperliquid,
    Bitrue,
}

/// <summary>Live trading or the exchange's sandbox.</summary>
public enum TradingEnvironment
{
    Live,
    Testnet,
}

/// <summary>What kind of market an exchange id stands for.</summary>
public enum MarketType
{
    Spot,
    UsdMarginedFutures,
    CoinMarginedFutures,
    Perpetuals,
}

/// <summary>The side of the book a level belongs to.</summary>
public enum BookSide
{
    Bid,
    Ask,
}

/// <summary>The side of a trade or an order: Buy lifts asks, Sell hits bids.</summary>
public enum TradeSide
{
    Buy,
    Sell,
}
