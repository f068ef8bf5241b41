using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Engine.Exchanges;

/// <summary>
/// An exchange Fluxum will support, listed by Get-FxExchange with its market and addresses but no capability; the
/// engine answers every request for it with the NotImplemented error. Replaced in the module list by its module.
/// </summary>
internal sealed class PlannedExchange(ExchangeId id, string name, string family, MarketType market, ExchangeAddresses addresses) : IExchangeModule
{
    public ExchangeInfo Info { get; } = new()
    {
        Exchange = id,
        Name = name,
        Family = family,
        Market = market,
        IsImplemented = false,
        HasTestnet = addresses.HasTestnet,
        Capabilities = ExchangeCapabilities.None,
        RestUrl = addresses.Rest.Live,
        TestnetRestUrl = addresses.Rest.Testnet,
    };

    public ExchangeAddresses Addresses { get; } = addresses;

    public IReadOnlyList<IRateBudget> AddressBudgets() => Array.Empty<IRateBudget>();

    public IErrorReader Errors => throw FxException.NotYetImplemented(Info.Exchange);

    public IMarketData Market(ExchangeConnection connection) => throw FxException.NotYetImplemented(Info.Exchange);
}
