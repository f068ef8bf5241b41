using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>What the API key may do on the account, and the commission rates it pays (fractions: 0.001 is 0.1%).</summary>
public sealed class AccountInfo
{
    public ExchangeId Exchange { get; init; }

    /// <summary>The named account (-Account) this came from; null for the unnamed one. Set by the layer that chose the account.</summary>
    public string? Account { get; set; }
    public string AccountType { get; init; } = "";
    public bool CanTrade { get; init; }
    public bool CanWithdraw { get; init; }
    public bool CanDeposit { get; init; }
    public decimal? MakerCommission { get; init; }
    public decimal? TakerCommission { get; init; }

    /// <summary>Comma-separated, e.g. "SPOT,MARGIN".</summary>
    public string Permissions { get; init; } = "";
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>How many assets have a non-zero balance.</summary>
    public int AssetsHeld { get; init; }

    /// <summary>The key that was checked, masked: which credentials this answer is for.</summary>
    public string ApiKey { get; init; } = "";
    public string CredentialSource { get; init; } = "";
}
