using Fluxum.Credentials;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Trading;

namespace Fluxum.Market;

/// <summary>The entry point the cmdlets call; implemented in Fluxum.Engine and loaded in its own load context.</summary>
public interface IFluxumEngine
{
    /// <summary>Every exchange Fluxum knows, implemented or not yet; no network.</summary>
    IReadOnlyList<ExchangeInfo> Exchanges { get; }

    /// <summary>The market data client of an exchange; throws NotImplemented for an exchange or environment not available.</summary>
    IMarketData GetMarketData(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live);

    /// <summary>The live market streams of an exchange; throws NotImplemented where the exchange has none in Fluxum yet.</summary>
    IMarketStreams GetStreams(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live);

    /// <summary>The account behind <paramref name="credential"/>; throws NotImplemented where trading is not available.</summary>
    /// <param name="recvWindow">Milliseconds a signed request stays valid at the exchange, where it has such a window.</param>
    ITrading GetTrading(ExchangeId exchange, TradingEnvironment environment, ExchangeCredential credential, int recvWindow = 5000);
}
