using Fluxum.Models;

namespace Fluxum.Market;

/// <summary>The entry point the cmdlets call; implemented in Fluxum.Engine and loaded in its own load context.</summary>
public interface IFluxumEngine
{
    /// <summary>Every exchange Fluxum knows, implemented or not yet; no network.</summary>
    IReadOnlyList<ExchangeInfo> Exchanges { get; }

    /// <summary>The market data client of an exchange; throws NotImplemented for an exchange or environment not available.</summary>
    IMarketData GetMarketData(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live);
}
