namespace Fluxum.Models;

/// <summary>
/// One exchange (and account) checked by Test-FxConnection: reachable, clock offset, rate budget left and, where
/// credentials resolve, whether the exchange accepts them and what they may do. <see cref="Healthy"/> is false
/// when any check found a problem; <see cref="Problems"/> says which, in one line for a log.
/// </summary>
public sealed class ConnectionTest
{
    public ExchangeId Exchange { get; init; }
    public TradingEnvironment Environment { get; init; }
    public string? Account { get; init; }
    public bool Healthy { get; init; }

    /// <summary>Each problem found, separated by "; " (empty when healthy).</summary>
    public string Problems { get; init; } = "";

    /// <summary>The server time request answered.</summary>
    public bool Reachable { get; init; }
    public TimeSpan? RoundTrip { get; init; }

    /// <summary>Server minus local, at <see cref="ClockResolution"/> (Kraken tells time in whole seconds).</summary>
    public TimeSpan? ClockOffset { get; init; }
    public TimeSpan? ClockResolution { get; init; }

    /// <summary>The least budget left of every budget counted for this exchange and account, in percent of its limit.</summary>
    public double? RateBudgetLeftPercent { get; init; }

    /// <summary>That budget, e.g. "weight 120/6000 per 00:01:00".</summary>
    public string TightestBudget { get; init; } = "";
    public DateTimeOffset? BlockedUntil { get; init; }

    /// <summary>Valid, Invalid, None (no credentials found: reported, not a problem), NotApplicable (no trading here) or Error.</summary>
    public string Credentials { get; init; } = "";
    public string CredentialSource { get; init; } = "";

    /// <summary>The key checked, masked.</summary>
    public string ApiKey { get; init; } = "";
    public bool? CanTrade { get; init; }
    public bool? CanWithdraw { get; init; }
    public string Permissions { get; init; } = "";
    public DateTimeOffset TestedAt { get; init; }
}
