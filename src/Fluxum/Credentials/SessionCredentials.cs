using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Fluxum.Credentials;
using Fluxum.Models;

namespace Fluxum.Commands.Credentials;

/// <summary>
/// Credentials kept by Connect-FxExchange, per runspace: two PowerShell sessions in one process (or two test
/// runs) never see each other's keys, and a closed runspace takes its keys with it.
/// </summary>
internal static class SessionCredentials
{
    private static readonly ConditionalWeakTable<Runspace, ConcurrentDictionary<(ExchangeId, TradingEnvironment), ExchangeCredential>> Store = new();

    private static ConcurrentDictionary<(ExchangeId, TradingEnvironment), ExchangeCredential> Current =>
        Store.GetValue(Runspace.DefaultRunspace, _ => new());

    public static void Set(ExchangeCredential credential, TradingEnvironment environment) => Current[(credential.Exchange, environment)] = credential;

    public static ExchangeCredential? Get(ExchangeId exchange, TradingEnvironment environment) =>
        Current.TryGetValue((exchange, environment), out var c) ? c : null;

    public static bool Remove(ExchangeId exchange, TradingEnvironment environment) => Current.TryRemove((exchange, environment), out _);
}
