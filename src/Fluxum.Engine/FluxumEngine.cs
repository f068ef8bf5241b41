using System.Collections.Concurrent;
using Fluxum.Credentials;
using Fluxum.Derivatives;
using Fluxum.Engine.Exchanges;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Trading;

namespace Fluxum.Engine;

/// <summary>
/// The process-wide engine over the one list of exchange modules: one connection per exchange, environment and
/// address, so rate budgets, bans, symbol caches and clock offsets are shared by every command of the session. It
/// names no exchange: each capability comes from the module, and one it lacks is the NotImplemented error.
/// </summary>
public sealed class FluxumEngine : IFluxumEngine
{
    private readonly ConcurrentDictionary<(ExchangeId, TradingEnvironment, Uri), ExchangeConnection> _connections = new();
    private readonly IReadOnlyList<IExchangeModule> _modules;
    private readonly EngineSettings _settings;
    private CancellationTokenSource _stopping = new();

    public FluxumEngine() : this(ExchangeModules.All, EngineSettings.Process)
    {
    }

    internal FluxumEngine(EngineSettings settings) : this(ExchangeModules.All, settings)
    {
    }

    internal FluxumEngine(IReadOnlyList<IExchangeModule> modules, EngineSettings settings)
    {
        _modules = modules;
        _settings = settings;
    }

    /// <summary>The exchanges with the addresses in use: the FLUXUM_&lt;ID&gt;_REST_URL and _WS_URL overrides replace the built-in ones.</summary>
    public IReadOnlyList<ExchangeInfo> Exchanges => _modules.Select(m => m.Info with
    {
        RestUrl = _settings.Variable(EndpointOverride.Variable(m.Info.Exchange, "REST")) ?? m.Info.RestUrl,
        StreamUrl = m.Info.StreamUrl is null ? null : _settings.Variable(EndpointOverride.Variable(m.Info.Exchange, "WS")) ?? m.Info.StreamUrl,
    }).ToList();

    public void Require(ExchangeId exchange, ExchangeCapabilities capability, string what)
    {
        var module = Module(exchange);
        if (!module.Info.Supports(capability)) throw FxException.NotSupported(exchange, what);
    }

    public IMarketData GetMarketData(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live) =>
        Connection(exchange, environment).Market;

    public IMarketStreams GetStreams(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live)
    {
        var c = Connection(exchange, environment);
        var streams = c.Module.Streams(c) ?? throw FxException.NotSupported(exchange, "live streams");
        return new StoppableStreams(streams, () => _stopping.Token);
    }

    public ITrading GetTrading(ExchangeId exchange, TradingEnvironment environment, ExchangeCredential credential, int recvWindow = 5000)
    {
        if (recvWindow is < 1 or > 60000)
        {
            throw new FxException("Fluxum.InvalidRecvWindow", FxErrorKind.InvalidArgument,
                $"The receive window must be from 1 to 60000 milliseconds, not {recvWindow}.", exchange);
        }

        Require(exchange, ExchangeCapabilities.Trading, "trading");
        var c = Connection(exchange, environment);
        return c.Module.Trading(c, c.Account(credential, recvWindow)) ?? throw FxException.NotSupported(exchange, "trading");
    }

    public IAccountStreams GetAccountStreams(ExchangeId exchange, TradingEnvironment environment, ExchangeCredential credential)
    {
        Require(exchange, ExchangeCapabilities.AccountStream, "the account's own order stream (Watch-FxOrder)");
        var c = Connection(exchange, environment);
        var streams = c.Module.AccountStreams(c, c.Account(credential, 5000))
            ?? throw FxException.NotSupported(exchange, "the account's own order stream (Watch-FxOrder)");
        return new StoppableAccountStreams(streams, () => _stopping.Token);
    }

    public IDerivativesMarket GetDerivativesMarket(ExchangeId exchange, TradingEnvironment environment = TradingEnvironment.Live)
    {
        Require(exchange, ExchangeCapabilities.DerivativesMarket, "derivatives market data (mark price, funding, open interest)");
        var c = Connection(exchange, environment);
        return c.Module.DerivativesMarket(c) ?? throw FxException.NotSupported(exchange, "derivatives market data (mark price, funding, open interest)");
    }

    public IDerivativesAccount GetDerivativesAccount(ExchangeId exchange, TradingEnvironment environment, ExchangeCredential credential)
    {
        Require(exchange, ExchangeCapabilities.DerivativesAccount, "positions, leverage and margin");
        var c = Connection(exchange, environment);
        return c.Module.DerivativesAccount(c, c.Account(credential, 5000)) ?? throw FxException.NotSupported(exchange, "positions, leverage and margin");
    }

    public IReadOnlyList<RateLimit> GetRateLimits(ExchangeId? exchange = null, TradingEnvironment? environment = null)
    {
        if (exchange is { } wanted && !_connections.Keys.Any(k => k.Item1 == wanted && (environment is null || k.Item2 == environment)))
        {
            Connection(wanted, environment ?? TradingEnvironment.Live);
        }

        return _connections
            .Where(c => (exchange is null || c.Key.Item1 == exchange) && (environment is null || c.Key.Item2 == environment))
            .OrderBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2)
            .SelectMany(c => c.Value.RateLimits())
            .ToList();
    }

    public void Stop()
    {
        var stopping = Interlocked.Exchange(ref _stopping, new CancellationTokenSource());
        stopping.Cancel();
        stopping.Dispose();
        _connections.Clear();
    }

    /// <summary>The connection of the exchange at the address in use (an override may point it elsewhere).</summary>
    internal ExchangeConnection Connection(ExchangeId exchange, TradingEnvironment environment)
    {
        var module = Module(exchange);
        if (!module.Info.IsImplemented) throw FxException.NotYetImplemented(exchange);
        var rest = EndpointOverride.Resolve(_settings, exchange, "REST",
            environment == TradingEnvironment.Testnet
                ? module.Addresses.Rest.Testnet ?? throw FxException.NotSupported(exchange, "a testnet (-Environment Testnet)")
                : module.Addresses.Rest.Live,
            "https", "http");
        return _connections.GetOrAdd((exchange, environment, rest), _ => new ExchangeConnection(module, environment, _settings));
    }

    private IExchangeModule Module(ExchangeId exchange) =>
        _modules.FirstOrDefault(m => m.Info.Exchange == exchange) ?? throw FxException.NotSupported(exchange, "anything in this version of Fluxum");
}
