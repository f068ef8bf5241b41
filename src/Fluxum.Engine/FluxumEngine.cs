using System.Collections.Concurrent;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Streams;
using Fluxum.Engine.Transport;
using Fluxum.Credentials;
using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Trading;

namespace Fluxum.Engine;

/// <summary>
/// The process-wide engine: one market data client per exchange, environment and address, so rate budgets,
/// bans, symbol caches and clock offsets are shared by every command of the session.
/// </summary>
public sealed class FluxumEngine : IFluxumEngine
{
    private readonly ConcurrentDictionary<(ExchangeId, TradingEnvironment, Uri), IMarketData> _markets = new();

    public IReadOnlyList<ExchangeInfo> Exchanges => ExchangeRegistry.Effective();

    public IMarketData GetMarketData(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live)
    {
        var info = ExchangeRegistry.Get(exchange);
        if (!info.IsImplemented)
        {
            throw new FxException("Fluxum.NotSupported", FxErrorKind.NotImplemented,
                $"{exchange} is not implemented in this version of Fluxum yet; Get-FxExchange lists what is.", exchange);
        }

        if (environment == TradingEnvironment.Testnet && info.TestnetRestUrl is null)
        {
            throw FxException.NotSupported(exchange, "a testnet (-Environment Testnet)");
        }

        var url = RestEndpoint.Resolve(exchange, environment == TradingEnvironment.Testnet ? info.TestnetRestUrl! : info.RestUrl);
        return _markets.GetOrAdd((exchange, environment, url), key => Create(key.Item1, key.Item3, info));
    }

    public IMarketStreams GetStreams(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live)
    {
        var market = GetMarketData(exchange, environment);
        return market switch
        {
            BinanceSpotMarketData binance => new BinanceSpotStreams(binance, StreamEndpoint.Resolve(exchange,
                environment == TradingEnvironment.Testnet ? BinanceSpotStreams.TestnetUrl : BinanceSpotStreams.LiveUrl)),
            KrakenSpotMarketData kraken when environment == TradingEnvironment.Live =>
                new KrakenSpotStreams(kraken, StreamEndpoint.Resolve(exchange, KrakenSpotStreams.LiveUrl)),
            _ => throw FxException.NotSupported(exchange, "live streams"),
        };
    }

    public ITrading GetTrading(ExchangeId exchange, TradingEnvironment environment, ExchangeCredential credential, int recvWindow = 5000)
    {
        if (recvWindow is < 1 or > 60000)
        {
            throw new FxException("Fluxum.InvalidRecvWindow", FxErrorKind.InvalidArgument,
                $"The receive window must be from 1 to 60000 milliseconds, not {recvWindow}.", exchange);
        }

        return GetMarketData(exchange, environment) switch
        {
            BinanceSpotMarketData binance => new BinanceSpotTrading(binance, credential, recvWindow, StreamEndpoint.Resolve(exchange,
                environment == TradingEnvironment.Testnet ? BinanceSpotStreams.ApiTestnetUrl : BinanceSpotStreams.ApiLiveUrl)),
            _ => throw FxException.NotSupported(exchange, "trading"),
        };
    }

    private static IMarketData Create(ExchangeId exchange, Uri url, ExchangeInfo info) => exchange switch
    {
        ExchangeId.Binance => new BinanceSpotMarketData(
            new RestTransport(exchange, url, new WeightGate(exchange), new BinanceErrorReader(exchange)), info),
        ExchangeId.Kraken => new KrakenSpotMarketData(
            new RestTransport(exchange, url, new PacingGate(exchange, capacity: 10, perSecond: 1), new KrakenErrorReader()), info),
        _ => throw FxException.NotSupported(exchange, "market data"),
    };
}
