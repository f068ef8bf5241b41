namespace Fluxum.Models;

/// <summary>
/// One rate budget an exchange counts, as Fluxum last saw it: per address (Binance's request weight, Kraken's
/// call pacing) or per API key (Binance's order counters, one row per account used in this session).
/// </summary>
public sealed class RateLimit
{
    public ExchangeId Exchange { get; init; }
    public TradingEnvironment Environment { get; init; }

    /// <summary>"Address" for budgets the exchange counts per IP, "Account" for those it counts per API key.</summary>
    public string Scope { get; init; } = "Address";

    /// <summary>The named account of a per-key budget (null for the unnamed one and for address budgets).</summary>
    public string? Account { get; init; }

    /// <summary>The key of a per-key budget, masked.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The budget's name, e.g. "weight", "orders-10s", "calls".</summary>
    public string Name { get; init; } = "";
    public double Used { get; init; }
    public double Limit { get; init; }
    public double Remaining => Math.Max(0, Limit - Used);

    /// <summary>Used as a percentage of the limit.</summary>
    public double PercentUsed => Limit > 0 ? Math.Round(100 * Used / Limit, 1) : 0;
    public TimeSpan Window { get; init; }

    /// <summary>Until when the exchange asked us to send nothing (a 429 or 418 answer); null when it has not.</summary>
    public DateTimeOffset? BlockedUntil { get; init; }
}
