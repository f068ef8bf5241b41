namespace Fluxum.Models;

/// <summary>One exchange as Get-FxExchange lists it.</summary>
public sealed record ExchangeInfo
{
    public ExchangeId Exchange { get; init; }
    public string Name { get; init; } = "";

    /// <summary>
    /// The company behind the id: markets of one family share API keys (BINANCE_API_KEY serves Binance spot and
    /// futures), secrets and the code table of their error ids (Binance.-2010).
    /// </summary>
    public string Family { get; init; } = "";
    public MarketType Market { get; init; }
    public bool IsImplemented { get; init; }
    public bool HasTestnet { get; init; }
    public ExchangeCapabilities Capabilities { get; init; }
    public string CandleIntervals { get; init; } = "";
    public string RestUrl { get; init; } = "";
    public string? TestnetRestUrl { get; init; }

    /// <summary>The base address of the live streams, where Fluxum has them.</summary>
    public string? StreamUrl { get; init; }

    /// <summary>The streams of the exchange's sandbox, where it has one.</summary>
    public string? TestnetStreamUrl { get; init; }

    public bool Supports(ExchangeCapabilities capability) => (Capabilities & capability) == capability;
}
