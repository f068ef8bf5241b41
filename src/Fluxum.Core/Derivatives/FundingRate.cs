using Fluxum.Models;

namespace Fluxum.Derivatives;

/// <summary>One funding settlement of a perpetual contract.</summary>
public sealed class FundingRate
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";

    /// <summary>As a fraction: longs pay shorts when positive.</summary>
    public decimal Rate { get; init; }
    public DateTimeOffset FundingTime { get; init; }

    /// <summary>The mark price at the settlement, where the exchange reports it.</summary>
    public decimal? MarkPrice { get; init; }
}
