namespace Fluxum.Engine.Exchanges;

/// <summary>One base address of an exchange, live and (where it has one) in its sandbox.</summary>
internal sealed record ExchangeAddress(string Live, string? Testnet = null);

/// <summary>
/// Where an exchange lives: its REST base, its stream base, and any further stream bases the module names (Binance's
/// WebSocket API). FLUXUM_&lt;ID&gt;_REST_URL overrides the REST base and FLUXUM_&lt;ID&gt;_WS_URL every stream base, with
/// a base path allowed, so one variable per kind points a whole exchange at a test exchange's venue.
/// </summary>
internal sealed record ExchangeAddresses(ExchangeAddress Rest, ExchangeAddress? Stream = null)
{
    /// <summary>Further stream bases by name, e.g. "api" for a WebSocket API beside the market streams.</summary>
    public IReadOnlyDictionary<string, ExchangeAddress> Streams { get; init; } = new Dictionary<string, ExchangeAddress>();

    public bool HasTestnet => Rest.Testnet is not null;
}
