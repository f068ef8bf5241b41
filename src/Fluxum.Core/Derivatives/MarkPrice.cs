using Fluxum.Models;

namespace Fluxum.Derivatives;

/// <summary>A contract's mark and index price with its current funding, as Get-FxMarkPrice and Watch-FxMarkPrice write it.</summary>
public sealed class MarkPrice
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public decimal Mark { get; init; }
    public decimal? Index { get; init; }

    /// <summary>Only meaningful in the last hour before a dated contract's delivery.</summary>
    public decimal? EstimatedSettlePrice { get; init; }

    /// <summary>The rate paid at <see cref="NextFundingTime"/>, as a fraction (0.0001 = 0.01 %); null for dated contracts.</summary>
    public decimal? FundingRate { get; init; }
    public DateTimeOffset? NextFundingTime { get; init; }
    public decimal? InterestRate { get; init; }
    public DateTimeOffset Time { get; init; }
}
