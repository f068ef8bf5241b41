namespace Fluxum.Models;

/// <summary>What taking a quantity from a book would cost, level by level.</summary>
public sealed class FillEstimate
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public TradeSide Side { get; init; }
    public decimal RequestedQuantity { get; init; }
    public decimal FilledQuantity { get; init; }

    /// <summary>Volume-weighted average price of the filled part; null when nothing could fill.</summary>
    public decimal? AveragePrice { get; init; }
    public decimal? WorstPrice { get; init; }
    public decimal Notional { get; init; }

    /// <summary>Distance of the average price from the mid, in basis points, against the taker.</summary>
    public decimal? SlippageBps { get; init; }
    public int LevelsUsed { get; init; }

    /// <summary>False when the book (as far as it was fetched) is too thin for the quantity.</summary>
    public bool IsComplete { get; init; }
}
