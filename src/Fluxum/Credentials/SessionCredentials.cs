using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Fluxum.Credentials;
using Fluxum.Models;

namespace Fluxum.Commands.Credentials;

/// <summary>
/// Credentials kept by Connect-FxExchange, per runspace and per named account: two PowerShell sessions in one
/// process (or two test runs) never see each other's keys, and a closed runspace takes its keys with it.
/// </summary>
internal static class SessionCredentials
{
    private static readonly ConditionalWeakTable<Runspace, ConcurrentDictionary<(ExchangeId, TradingEnvironment, string), ExchangeCredential>> Store = new();

    private static ConcurrentDictionary<(ExchangeId, TradingEnvironment, string), ExchangeCredential> Current =>
        Store.GetValue(Runspace.DefaultRunspace, _ => new());

    /// <summary>Account names compare as the user typed them, less case: "Main" and "main" are one account.</summary>
    private static string Key(string? account) => account?.ToLowerInvariant() ?? "";

    public static void Set(ExchangeCredential credential, TradingEnvironment environment) =>
        Current[(credential.Exchange, environment, Key(credential.Account))] = credential;

    public static ExchangeCredential? Get(ExchangeId exchange, TradingEnvironment environment, string? account) =>
        Current.TryGetValue((exchange, environment, Key(account)), out var c) ? c : null;

    public static bool Remove(ExchangeId exchange, TradingEnvironment environment, string? account) =>
        Current.TryRemove((exchange, environment, Key(account)), out _);

    /// <summary>Forgets every account of the exchange; returns how many were kept.</summary>
    public static int RemoveAll(ExchangeId exchange, TradingEnvironment environment)
    {
        var removed = 0;
        foreach (var key in Current.Keys.Where(k => k.Item1 == exchange && k.Item2 == environment).ToList())
        {
            if (Current.TryRemove(key, out _)) removed++;
        }

        return removed;
    }

    /// <summary>The named accounts connected for the exchange, for tab completion.</summary>
    public static IEnumerable<string> Accounts(ExchangeId exchange) =>
        Current.Values.Where(c => c.Exchange == exchange && c.Account is not null).Select(c => c.Account!).Distinct(StringComparer.OrdinalIgnoreCase);
}
