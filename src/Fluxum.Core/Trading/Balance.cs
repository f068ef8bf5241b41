using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>One asset of the account: what is free to trade and what open orders hold.</summary>
public sealed class Balance
{
    public ExchangeId Exchange { get; init; }

    /// <summary>The named account (-Account) this came from; null for the unnamed one. Set by the layer that chose the account.</summary>
    public string? Account { get; set; }
    public string Asset { get; init; } = "";
    public decimal Free { get; init; }
    public decimal Locked { get; init; }
    public decimal Total => Free + Locked;
}
