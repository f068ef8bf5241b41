using Fluxum.Books;
using Fluxum.Credentials;
using Fluxum.Derivatives;
using Fluxum.Engine.Transport;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Trading;

namespace Fluxum.Engine.Exchanges;

/// <summary>
/// An exchange, as one thing: what it is (id, market, addresses, capabilities), its declared limits and error
/// table, and the capability objects it builds on a connection. A capability it lacks is null, and the engine
/// turns that into the NotImplemented error naming the exchange and the capability. The engine holds one list of
/// these (<see cref="ExchangeModules"/>) and no switch over exchange ids.
/// </summary>
internal interface IExchangeModule
{
    ExchangeInfo Info { get; }

    ExchangeAddresses Addresses { get; }

    /// <summary>The budgets counted per address (IP weight, call pacing); made afresh for each connection.</summary>
    IReadOnlyList<IRateBudget> AddressBudgets();

    /// <summary>The budgets counted per API key (Binance's order counters); made afresh for each account.</summary>
    IReadOnlyList<IRateBudget> AccountBudgets() => Array.Empty<IRateBudget>();

    IErrorReader Errors { get; }

    /// <summary>How its streamed books prove themselves, which decides their keeper; null when it streams no book.</summary>
    BookKind? BookKind => null;

    IMarketData Market(ExchangeConnection connection);

    IMarketStreams? Streams(ExchangeConnection connection) => null;

    ITrading? Trading(ExchangeConnection connection, ExchangeAccount account) => null;

    IAccountStreams? AccountStreams(ExchangeConnection connection, ExchangeAccount account) => null;

    IDerivativesMarket? DerivativesMarket(ExchangeConnection connection) => null;

    IDerivativesAccount? DerivativesAccount(ExchangeConnection connection, ExchangeAccount account) => null;
}

/// <summary>An account on a connection: its credential, its own rate budgets and the signed-request options the user chose.</summary>
internal sealed record ExchangeAccount(ExchangeCredential Credential, RequestGate Gate)
{
    /// <summary>Milliseconds a signed request stays valid at the exchange, where it has such a window.</summary>
    public int RecvWindow { get; init; } = 5000;
}
