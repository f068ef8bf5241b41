using Fluxum.Engine.Streams;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Engine.Exchanges;

/// <summary>
/// One exchange at one address, as every capability of it shares it: the REST transport with the module's declared
/// budgets, the server clock, the symbol catalog, the stream addresses and the settings they were resolved from.
/// The engine makes one per (exchange, environment, address), so rate budgets, bans, symbols and the clock offset
/// are the same for every command of the session.
/// </summary>
internal sealed class ExchangeConnection
{
    private readonly Dictionary<string, RequestGate> _accountGates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _published = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Credentials.ExchangeCredential> _accountKeys = new(StringComparer.Ordinal);

    public ExchangeConnection(IExchangeModule module, TradingEnvironment environment, EngineSettings settings, HttpClient? http = null)
    {
        Module = module;
        Environment = environment;
        Settings = settings;
        var rest = Pick(module.Addresses.Rest, "a testnet (-Environment Testnet)");
        RestBase = EndpointOverride.Resolve(settings, Exchange, "REST", rest, "https", "http");
        Rest = new RestTransport(Exchange, RestBase, new RequestGate(Exchange, module.AddressBudgets()), module.Errors, http)
        {
            Timeout = RestEndpoint.Timeout(settings),
        };
        Symbols = new SymbolSource(Exchange);

        // Made now, not on first use: it is what loads the symbols that streams and trading resolve through.
        Market = module.Market(this);
    }

    public IExchangeModule Module { get; }
    public ExchangeInfo Info => Module.Info;
    public ExchangeId Exchange => Module.Info.Exchange;
    public TradingEnvironment Environment { get; }
    public EngineSettings Settings { get; }
    public Uri RestBase { get; }

    /// <summary>Unsigned requests; signed ones go through <see cref="SignedTransport"/>, which shares its gate and clock.</summary>
    public RestTransport Rest { get; }

    public ServerClock Clock => Rest.Clock;
    public SymbolSource Symbols { get; }

    /// <summary>The module's market data on this connection (it is also what loads the symbols).</summary>
    public IMarketData Market { get; }

    /// <summary>The market stream base (or a further named one, e.g. a WebSocket API), FLUXUM_&lt;ID&gt;_WS_URL applied.</summary>
    public Uri StreamBase(string? name = null)
    {
        var address = name is null ? Module.Addresses.Stream : Module.Addresses.Streams.GetValueOrDefault(name);
        if (address is null) throw FxException.NotSupported(Exchange, name is null ? "live streams" : $"the {name} stream address");
        return EndpointOverride.Resolve(Settings, Exchange, "WS", Pick(address, "streams on its testnet"), "wss", "ws");
    }

    /// <summary>Stream behaviour from the FLUXUM_WS_* settings, with the exchange's connection lifetime.</summary>
    public StreamOptions StreamSettings(TimeSpan? lifetime = null) => StreamOptions.From(Settings, lifetime);

    /// <summary>The account's own budgets (order counters the exchange keeps per API key), one set per key.</summary>
    public ExchangeAccount Account(Credentials.ExchangeCredential credential, int recvWindow)
    {
        lock (_accountGates)
        {
            if (!_accountGates.TryGetValue(credential.ApiKey, out var gate))
            {
                gate = new RequestGate(Exchange, Module.AccountBudgets());
                foreach (var (name, limit) in _published) Apply(gate, name, limit);
                _accountGates[credential.ApiKey] = gate;
            }

            // The latest name wins: one key under two names is one budget at the exchange.
            _accountKeys[credential.ApiKey] = credential;

            return new ExchangeAccount(credential, gate) { RecvWindow = recvWindow };
        }
    }

    /// <summary>Every budget in use on this connection: the address's, then each account's (per API key), for Get-FxRateLimit.</summary>
    public IReadOnlyList<RateLimit> RateLimits()
    {
        var rows = Rows(Rest.Gate, "Address", null).ToList();
        lock (_accountGates)
        {
            foreach (var (key, gate) in _accountGates) rows.AddRange(Rows(gate, "Account", _accountKeys[key]));
        }

        return rows;
    }

    private IEnumerable<RateLimit> Rows(RequestGate gate, string scope, Credentials.ExchangeCredential? account)
    {
        var blocked = gate.BlockedUntil ?? Rest.Gate.BlockedUntil;
        return gate.States().Select(s => new RateLimit
        {
            Exchange = Exchange,
            Environment = Environment,
            Scope = scope,
            Account = account?.Account,
            ApiKey = account?.MaskedApiKey,
            Name = s.Name,
            Used = s.Used,
            Limit = s.Limit,
            Window = s.Window,
            BlockedUntil = blocked,
        });
    }

    /// <summary>
    /// The limit the exchange publishes for a declared budget (Binance's exchangeInfo rateLimits), applied to the
    /// connection's budgets and to every account's, now and later.
    /// </summary>
    public void PublishLimit(string budget, int limit)
    {
        lock (_accountGates)
        {
            _published[budget] = limit;
            Apply(Rest.Gate, budget, limit);
            foreach (var gate in _accountGates.Values) Apply(gate, budget, limit);
        }
    }

    private static void Apply(RequestGate gate, string budget, int limit)
    {
        foreach (var b in gate.Budgets.OfType<IPublishedLimit>().Where(b => ((IRateBudget)b).Name == budget)) b.Limit = limit;
    }

    /// <summary>A transport for the account's signed requests: this connection's address, gate and clock, the account's budgets and signer.</summary>
    public RestTransport SignedTransport(ExchangeAccount account, IRequestAuthenticator authenticator) =>
        new(Exchange, RestBase, Rest.Gate, Module.Errors, Rest.Http, clock: Rest.Clock)
        {
            AccountGate = account.Gate,
            Authenticator = authenticator,
            Timeout = Rest.Timeout,
        };

    private string Pick(ExchangeAddress address, string what) => Environment == TradingEnvironment.Testnet
        ? address.Testnet ?? throw FxException.NotSupported(Exchange, what)
        : address.Live;
}
