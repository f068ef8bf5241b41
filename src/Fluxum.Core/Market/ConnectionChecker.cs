using System.Globalization;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Market;

/// <summary>
/// The checks behind Test-FxConnection, for one exchange and account: the server time round trip (reachable,
/// clock offset), the rate budgets in use, and the account call that proves the credentials (and shows their
/// permissions). Every failure becomes a problem in the result, never an exception: a health check reports.
/// </summary>
public sealed class ConnectionChecker
{
    /// <summary>A clock further off than this (beyond the exchange's own resolution) is a problem.</summary>
    public TimeSpan MaxClockOffset { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A budget that cannot be waited out (its window is longer than <see cref="LongestPacedWindow"/>, e.g. a daily
    /// order count) used to this percentage or more is a problem: orders past it are refused for hours.
    /// </summary>
    public double MaxBudgetPercent { get; init; } = 90;

    /// <summary>Budgets with windows up to this long only pace requests (they wait), so a full one is no problem.</summary>
    public TimeSpan LongestPacedWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Runs the checks. <paramref name="account"/> is null when no account applies; <paramref name="credentials"/>
    /// says why (None, NotApplicable) or, with <paramref name="credentialProblem"/>, why it could not be opened.
    /// </summary>
    public async Task<ConnectionTest> CheckAsync(ExchangeId exchange, TradingEnvironment environment, string? accountName,
        Func<CancellationToken, Task<ServerTime>> readClock, Func<IReadOnlyList<RateLimit>> rateLimits, AccountProbe? account,
        string credentials, string? credentialProblem, CancellationToken ct)
    {
        var problems = new List<string>();
        ServerTime? time = null;
        try
        {
            time = await readClock(ct).ConfigureAwait(false);
            var allowed = MaxClockOffset + time.Resolution;
            if (time.Offset.Duration() > allowed)
            {
                problems.Add($"clock offset {Describe(time.Offset, time.Resolution)} exceeds {Describe(MaxClockOffset, time.Resolution)}");
            }
        }
        catch (FxException e)
        {
            problems.Add($"not reachable: {e.Message}");
        }

        AccountInfo? info = null;
        if (account is not null)
        {
            try
            {
                info = await account.ReadAsync(ct).ConfigureAwait(false);
                credentials = "Valid";
            }
            catch (FxException e)
            {
                credentials = e.Kind is FxErrorKind.AuthenticationError or FxErrorKind.PermissionDenied or FxErrorKind.SecurityError ? "Invalid" : "Error";
                problems.Add($"credentials {(credentials == "Invalid" ? "refused" : "not checked")}: {e.Message}");
            }
        }
        else if (credentialProblem is not null)
        {
            problems.Add(credentialProblem);
        }

        // Read after the requests above, so the budgets include them.
        var key = account?.MaskedApiKey;
        var budgets = rateLimits().Where(r => r.Scope != "Account" || (key is not null && r.ApiKey == key)).ToList();
        var tightest = budgets.Where(b => b.Limit > 0).OrderByDescending(b => b.Used / b.Limit).FirstOrDefault();
        var blocked = budgets.Select(b => b.BlockedUntil).Where(b => b is not null).Max();
        if (blocked is { } until) problems.Add($"the exchange asked for a pause until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
        foreach (var b in budgets.Where(b => b.Limit > 0 && b.Window > LongestPacedWindow && b.PercentUsed >= MaxBudgetPercent))
        {
            problems.Add($"rate budget {b.Name}{(b.Scope == "Account" ? " of the account" : "")} {b.Used.ToString("0", CultureInfo.InvariantCulture)}/{b.Limit.ToString("0", CultureInfo.InvariantCulture)} used");
        }

        return new ConnectionTest
        {
            Exchange = exchange,
            Environment = environment,
            Account = accountName,
            Healthy = problems.Count == 0,
            Problems = string.Join("; ", problems),
            Reachable = time is not null,
            RoundTrip = time?.RoundTrip,
            ClockOffset = time?.Offset,
            ClockResolution = time?.Resolution,
            RateBudgetLeftPercent = tightest is null ? null : Math.Round(100 - tightest.PercentUsed, 1),
            TightestBudget = tightest is null ? "" : $"{tightest.Name} {tightest.Used.ToString("0", CultureInfo.InvariantCulture)}/{tightest.Limit.ToString("0", CultureInfo.InvariantCulture)} per {tightest.Window}",
            BlockedUntil = blocked,
            Credentials = credentials,
            CredentialSource = account?.Source ?? "",
            ApiKey = key ?? "",
            CanTrade = info?.CanTrade,
            CanWithdraw = info?.CanWithdraw,
            Permissions = info?.Permissions ?? "",
            TestedAt = DateTimeOffset.UtcNow,
        };
    }

    private static string Describe(TimeSpan span, TimeSpan resolution) => resolution >= TimeSpan.FromSeconds(1)
        ? $"{span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s"
        : $"{span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
}

/// <summary>An account to prove: its masked key, where the key came from, and the account request that proves it.</summary>
public sealed record AccountProbe(string MaskedApiKey, string Source, Func<CancellationToken, Task<AccountInfo>> ReadAsync)
{
    public static AccountProbe Of(ITrading account) => new(account.Credential.MaskedApiKey, account.Credential.Source, account.GetAccountAsync);
}
