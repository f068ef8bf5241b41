using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>One asset of the account: what is free to trade and what open orders hold.</summary>
public sealed class Balance
{
    public ExchangeId Exchange { get; init; }
    public string Asset { get; init; } = "";
    public decimal Free { get; init; }
    public decimal Locked { get; init; }
    public decimal Total => Free + Locked;
}
