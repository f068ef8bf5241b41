using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Fluxum.Models;

namespace Fluxum.Commands.Credentials;

/// <summary>
/// The defaults Set-FxDefault keeps, per runspace (like Connect-FxExchange's credentials), and the resolution of
/// what a command uses when nothing more specific is given: the session's default, then FLUXUM_DEFAULT_EXCHANGE
/// (for scripts and scheduled tasks), then Binance. The command line and piped objects' Exchange come first; the
/// cmdlets apply those.
/// </summary>
internal static class SessionDefaults
{
    private sealed class Kept
    {
        public ExchangeId? Exchange;
        public TradingEnvironment? Environment;
        public string? Account;
    }

    private static readonly ConditionalWeakTable<Runspace, Kept> Store = new();

    /// <summary>Null off a PowerShell thread: then only the variable and the built-in defaults apply.</summary>
    private static Kept? Current => Runspace.DefaultRunspace is { } runspace ? Store.GetValue(runspace, _ => new()) : null;

    public static void Set(ExchangeId? exchange, TradingEnvironment? environment, string? account, bool clearAccount)
    {
        var kept = Current ?? throw new InvalidOperationException("Set-FxDefault runs in a runspace.");
        lock (kept)
        {
            if (exchange is not null) kept.Exchange = exchange;
            if (environment is not null) kept.Environment = environment;
            if (clearAccount) kept.Account = null;
            else if (account is not null) kept.Account = account;
        }
    }

    public static void Reset()
    {
        if (Current is { } kept)
        {
            lock (kept)
            {
                kept.Exchange = null;
                kept.Environment = null;
                kept.Account = null;
            }
        }
    }

    /// <summary>The defaults in force now, with where each came from; <paramref name="problem"/> names a FLUXUM_DEFAULT_EXCHANGE that is no exchange id.</summary>
    /// <param name="ignoreSession">Leaves out Set-FxDefault: what a new session or a script of this process would use.</param>
    public static FxDefaults Resolve(out string? problem, bool ignoreSession = false)
    {
        problem = null;
        ExchangeId? exchange = null;
        TradingEnvironment? environment = null;
        string? account = null;
        if (!ignoreSession && Current is { } kept)
        {
            lock (kept)
            {
                exchange = kept.Exchange;
                environment = kept.Environment;
                account = kept.Account;
            }
        }

        var exchangeSource = FxDefaults.Session;
        if (exchange is null)
        {
            exchangeSource = FxDefaults.BuiltIn;
            var variable = System.Environment.GetEnvironmentVariable(FxDefaults.ExchangeVariable);
            if (!string.IsNullOrWhiteSpace(variable))
            {
                if (!char.IsDigit(variable.Trim()[0]) && Enum.TryParse<ExchangeId>(variable.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                {
                    exchange = parsed;
                    exchangeSource = FxDefaults.ExchangeVariable;
                }
                else
                {
                    problem = $"{FxDefaults.ExchangeVariable} is '{variable}', which is no exchange id; it must be one of {string.Join(", ", Enum.GetNames<ExchangeId>())}.";
                }
            }
        }

        return new FxDefaults
        {
            Exchange = exchange ?? ExchangeId.Binance,
            ExchangeSource = exchangeSource,
            Environment = environment ?? TradingEnvironment.Live,
            EnvironmentSource = environment is null ? FxDefaults.BuiltIn : FxDefaults.Session,
            Account = account,
            AccountSource = account is null ? FxDefaults.BuiltIn : FxDefaults.Session,
        };
    }
}
