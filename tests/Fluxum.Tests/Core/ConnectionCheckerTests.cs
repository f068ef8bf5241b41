using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Tests.Core;

/// <summary>The verdict of Test-FxConnection: what is a problem (and so not Healthy) and what is only reported.</summary>
public class ConnectionCheckerTests
{
    private static readonly ConnectionChecker Checker = new();

    private static Func<CancellationToken, Task<ServerTime>> Clock(TimeSpan offset, TimeSpan? resolution = null) => _ => Task.FromResult(new ServerTime
    {
        Exchange = ExchangeId.Binance, ServerTimeUtc = DateTimeOffset.UtcNow + offset, LocalTimeUtc = DateTimeOffset.UtcNow,
        Offset = offset, RoundTrip = TimeSpan.FromMilliseconds(20), Resolution = resolution ?? TimeSpan.FromMilliseconds(1),
    });

    private static RateLimit Budget(string name, double used, double limit, TimeSpan window, string scope = "Address", string? key = null, DateTimeOffset? blocked = null) =>
        new() { Exchange = ExchangeId.Binance, Name = name, Used = used, Limit = limit, Window = window, Scope = scope, ApiKey = key, BlockedUntil = blocked };

    private static Task<ConnectionTest> Check(Func<CancellationToken, Task<ServerTime>> clock, IReadOnlyList<RateLimit>? budgets = null, AccountProbe? account = null,
        string credentials = "None", string? credentialProblem = null) =>
        Checker.CheckAsync(ExchangeId.Binance, TradingEnvironment.Live, null, clock, () => budgets ?? Array.Empty<RateLimit>(), account, credentials, credentialProblem, CancellationToken.None);

    [Fact]
    public async Task No_credentials_and_a_busy_paced_budget_are_reported_not_problems()
    {
        var t = await Check(Clock(TimeSpan.FromMilliseconds(40)), new[] { Budget("weight", 5900, 6000, TimeSpan.FromMinutes(1)) });
        Assert.True(t.Healthy, t.Problems);
        Assert.Equal("None", t.Credentials);
        Assert.Equal(1.7, t.RateBudgetLeftPercent);
        Assert.Equal("weight 5900/6000 per 00:01:00", t.TightestBudget);
    }

    [Fact]
    public async Task A_long_window_budget_nearly_spent_or_a_pause_the_exchange_asked_for_is_a_problem()
    {
        var day = await Check(Clock(TimeSpan.Zero), new[] { Budget("orders-1d", 190_000, 200_000, TimeSpan.FromDays(1), "Account", "****abcd") },
            new AccountProbe("****abcd", "-Credential", _ => Task.FromResult(new AccountInfo { CanTrade = true })));
        Assert.False(day.Healthy);
        Assert.Contains("orders-1d of the account 190000/200000", day.Problems);

        // Another key's counters are not this account's.
        var other = await Check(Clock(TimeSpan.Zero), new[] { Budget("orders-1d", 190_000, 200_000, TimeSpan.FromDays(1), "Account", "****zzzz") },
            new AccountProbe("****abcd", "-Credential", _ => Task.FromResult(new AccountInfo())));
        Assert.True(other.Healthy, other.Problems);

        var paused = await Check(Clock(TimeSpan.Zero), new[] { Budget("weight", 10, 6000, TimeSpan.FromMinutes(1), blocked: DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.False(paused.Healthy);
        Assert.Contains("pause", paused.Problems);
        Assert.NotNull(paused.BlockedUntil);
    }

    [Fact]
    public async Task The_clock_is_judged_beyond_the_exchanges_resolution()
    {
        Assert.False((await Check(Clock(TimeSpan.FromMilliseconds(1500)))).Healthy);
        Assert.True((await Check(Clock(TimeSpan.FromMilliseconds(900)))).Healthy);
        // Kraken's whole seconds: one second off is within its resolution, two are not.
        Assert.True((await Check(Clock(TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1)))).Healthy);
        var two = await Check(Clock(TimeSpan.FromSeconds(-3), TimeSpan.FromSeconds(1)));
        Assert.False(two.Healthy);
        Assert.Contains("-3 s", two.Problems);
    }

    [Fact]
    public async Task An_unreachable_exchange_and_refused_credentials_are_problems_without_an_exception()
    {
        var down = await Check(_ => throw new FxException("Fluxum.Timeout", FxErrorKind.OperationTimeout, "no answer in 10 s", ExchangeId.Binance));
        Assert.False(down.Healthy);
        Assert.False(down.Reachable);
        Assert.Contains("not reachable: no answer", down.Problems);

        var refused = await Check(Clock(TimeSpan.Zero), account: new AccountProbe("****abcd", "-Credential",
            _ => throw new FxException("Binance.-2015", FxErrorKind.AuthenticationError, "Invalid API-key", ExchangeId.Binance)));
        Assert.False(refused.Healthy);
        Assert.Equal("Invalid", refused.Credentials);
        Assert.Equal("****abcd", refused.ApiKey);

        var missing = await Check(Clock(TimeSpan.Zero), credentials: "Missing", credentialProblem: "credentials: no secret");
        Assert.False(missing.Healthy);
    }
}
