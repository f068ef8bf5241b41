using Fluxum.Models;

namespace Fluxum.Derivatives;

/// <summary>An open futures position. Quantity is signed in one-way mode (negative = short), positive per side in hedge mode.</summary>
public sealed class Position
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public PositionSide Side { get; init; }

    /// <summary>In the symbol's quantity unit: base asset, or contracts on inverse (coin-margined) markets.</summary>
    public decimal Quantity { get; init; }
    public string QuantityUnit { get; init; } = "";
    public decimal EntryPrice { get; init; }
    public decimal? BreakEvenPrice { get; init; }
    public decimal? MarkPrice { get; init; }
    public decimal UnrealizedPnl { get; init; }

    /// <summary>Null when the exchange computes none (no position, or cross margin with ample balance).</summary>
    public decimal? LiquidationPrice { get; init; }
    public int? Leverage { get; init; }
    public MarginMode? MarginMode { get; init; }
    public decimal? IsolatedMargin { get; init; }
    public decimal? Notional { get; init; }
    public string MarginAsset { get; init; } = "";
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>How far the mark is from liquidation, as a fraction of the mark (0.05 = 5 %); null without both prices.</summary>
    public decimal? LiquidationDistance =>
        LiquidationPrice is { } liq && MarkPrice is { } mark && mark != 0 ? Math.Abs(mark - liq) / mark : null;
}
