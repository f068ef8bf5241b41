namespace Fluxum.Models;

/// <summary>What an adapter can do; a cmdlet asked for anything else reports NotImplemented.</summary>
[Flags]
public enum ExchangeCapabilities
{
    None = 0,
    ServerTime = 1 << 0,
    Symbols = 1 << 1,
    Depth = 1 << 2,
    Ticker = 1 << 3,
    PriceTicker = 1 << 4,
    BookTicker = 1 << 5,
    RecentTrades = 1 << 6,
    TradeHistoryById = 1 << 7,
    TradeHistoryByTime = 1 << 8,
    AggregateTrades = 1 << 9,
    Candles = 1 << 10,
    CandleHistory = 1 << 11,

    /// <summary>Live market streams: Watch-FxTrade, Watch-FxCandle, Watch-FxTicker, Watch-FxBook.</summary>
    Streams = 1 << 12,

    /// <summary>The account's own order and balance updates: Watch-FxOrder.</summary>
    AccountStream = 1 << 13,

    /// <summary>Balances, orders, cancels and fills: the account cmdlets and New-FxOrder.</summary>
    Trading = 1 << 14,

    /// <summary>Orders the exchange keeps together (OCO, OTO): New-FxOrder -Oco/-Oto.</summary>
    OrderLists = 1 << 15,

    /// <summary>Mark and index prices, funding and open interest: Get-FxMarkPrice, Get-FxFundingRate, Get-FxOpenInterest.</summary>
    DerivativesMarket = 1 << 16,

    /// <summary>Positions, leverage, margin and position modes, income: Get-FxPosition and the Set-Fx* risk commands.</summary>
    DerivativesAccount = 1 << 17,
}
