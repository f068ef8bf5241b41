using Fluxum.Models;

namespace Fluxum.Derivatives;

/// <summary>The contracts held open in a market at a moment (current, or one sample of the history).</summary>
public sealed class OpenInterest
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";

    /// <summary>In <see cref="QuantityUnit"/>: base asset for linear contracts, contracts for inverse ones.</summary>
    public decimal Quantity { get; init; }

    /// <summary>"BTC" or "Contracts": says what <see cref="Quantity"/> counts, so a CSV of both markets reads right.</summary>
    public string QuantityUnit { get; init; } = "";

    /// <summary>The notional value, where the exchange reports it (quote asset, or the coin for inverse contracts).</summary>
    public decimal? Value { get; init; }
    public string? ValueUnit { get; init; }
    public DateTimeOffset Time { get; init; }

    /// <summary>The sampling period of a history row (5m ... 1d); empty for the current value.</summary>
    public string Period { get; init; } = "";
}
