using Fluxum.Models;

namespace Fluxum.Derivatives;

/// <summary>One entry of a futures account's income history: funding, realized PnL, commission, transfers.</summary>
public sealed class Income
{
    public ExchangeId Exchange { get; init; }

    /// <summary>Empty for account-wide entries such as transfers.</summary>
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public IncomeType Type { get; init; }
    public string NativeType { get; init; } = "";

    /// <summary>Signed: negative is money out of the account.</summary>
    public decimal Amount { get; init; }
    public string Asset { get; init; } = "";
    public DateTimeOffset Time { get; init; }
    public string TransactionId { get; init; } = "";
    public string? TradeId { get; init; }
}
