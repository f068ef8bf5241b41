using Fluxum.Credentials;
using Fluxum.Derivatives;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Trading;

namespace Fluxum.Market;

/// <summary>
/// The entry point the cmdlets call; implemented in Fluxum.Engine and loaded in its own load context. Each Get*
/// returns one capability of one exchange, or throws the NotImplemented error (Fluxum.NotSupported) naming the
/// exchange and the capability it lacks.
/// </summary>
public interface IFluxumEngine
{
    /// <summary>Every exchange Fluxum knows, implemented or not yet, with the addresses in use; no network.</summary>
    IReadOnlyList<ExchangeInfo> Exchanges { get; }

    /// <summary>Throws the NotImplemented error unless the exchange has <paramref name="capability"/>, before any credential is looked up.</summary>
    void Require(ExchangeId exchange, ExchangeCapabilities capability, string what);

    IMarketData GetMarketData(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live);

    IMarketStreams GetStreams(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live);

    /// <summary>The account behind <paramref name="credential"/>; one rate budget per key where the exchange counts per key.</summary>
    /// <param name="recvWindow">Milliseconds a signed request stays valid at the exchange, where it has such a window.</param>
    ITrading GetTrading(ExchangeId exchange, TradingEnvironment environment, ExchangeCredential credential, int recvWindow = 5000);

    IAccountStreams GetAccountStreams(ExchangeId exchange, TradingEnvironment environment, ExchangeCredential credential);

    IDerivativesMarket GetDerivativesMarket(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live);

    IDerivativesAccount GetDerivativesAccount(ExchangeId exchange, TradingEnvironment environment, ExchangeCredential credential);

    /// <summary>
    /// The rate budgets in use: of <paramref name="exchange"/> (opening its connection if this session has not yet), or
    /// of every exchange connection in use when null. Per-key budgets come one set per account used.
    /// </summary>
    IReadOnlyList<RateLimit> GetRateLimits(ExchangeId? exchange = null, TradingEnvironment? environment = null);

    /// <summary>Ends every live stream and forgets every connection: Remove-Module calls it so no socket outlives the module.</summary>
    void Stop();
}
