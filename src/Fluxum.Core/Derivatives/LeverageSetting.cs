using Fluxum.Models;

namespace Fluxum.Derivatives;

/// <summary>What the exchange confirmed after a leverage change.</summary>
public sealed class LeverageSetting
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public int Leverage { get; init; }

    /// <summary>The largest position the new leverage allows (notional, or contracts on inverse markets).</summary>
    public decimal? MaxPosition { get; init; }
}
