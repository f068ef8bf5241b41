using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Credentials;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// A cmdlet that acts on the user's account: -Account and credentials from -Credential, Connect-FxExchange, a
/// SecretManagement secret (-SecretName/-Vault) or environment variables, resolved on the pipeline thread, and
/// only once the exchange is known to trade at all.
/// </summary>
public abstract class TradingCmdlet : MarketDataCmdlet, IDynamicParameters
{
    private readonly Dictionary<(ExchangeId, TradingEnvironment, string?), ITrading> _accounts = new();
    private AccountParameters? _choice;

    /// <summary>Commands that only read may take several accounts (-Account a, b); those that change something take one.</summary>
    protected virtual bool ReadsManyAccounts => false;

    /// <summary>-Account, -Credential, -SecretName, -Vault: one declaration for every account command.</summary>
    internal AccountParameters Choice => _choice ??= ReadsManyAccounts ? new AccountListParameters() : new AccountParameters();

    public object GetDynamicParameters() => Choice;

    /// <summary>Milliseconds a signed request stays valid at the exchange (Binance: 5000 default, at most 60000).</summary>
    [Parameter]
    [ValidateRange(1, 60000)]
    public int RecvWindow { get; set; } = 5000;

    /// <summary>The one account this command acts on (for the current -Exchange and the piped object's -Account).</summary>
    internal ITrading Account()
    {
        var accounts = Accounts();
        if (accounts.Count > 1)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("Fluxum.OneAccountOnly",
                $"{MyInvocation.MyCommand.Name} acts on one account at a time; -Account named {accounts.Count}.", Choice.Requested));
        }

        return accounts[0];
    }

    /// <summary>
    /// The accounts this command reads, each resolved once per exchange and kept for the command. The exchange's
    /// capability is checked first: an exchange without trading says so before any credential is asked for.
    /// </summary>
    internal IReadOnlyList<ITrading> Accounts()
    {
        CheckDefaultExchange();
        var exchange = Exchange;
        var environment = Environment;
        try
        {
            Engine.Require(exchange, ExchangeCapabilities.Trading, "trading and account commands");
        }
        catch (FxException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, exchange));
        }

        var names = Choice.Resolve(this, Defaults.Account);
        if (names.Count > 1 && (Choice.Credential is not null || Choice.SecretName is not null))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("Fluxum.OneCredentialManyAccounts",
                "-Credential and -SecretName give the keys of one account; with several -Account names, let each resolve its own (Connect-FxExchange -Account, or its secret).", Choice.Requested));
        }

        var result = new List<ITrading>();
        foreach (var name in names)
        {
            if (!_accounts.TryGetValue((exchange, environment, name), out var account))
            {
                try
                {
                    var credential = CredentialResolver.Resolve(this, exchange, environment, name, Choice.Credential, Choice.SecretName, Choice.Vault);
                    var trading = Engine.GetTrading(exchange, environment, credential, RecvWindow);
                    account = credential.Account is { } named ? new NamedAccountTrading(trading, named) : trading;
                    _accounts[(exchange, environment, name)] = account;
                }
                catch (FxException e)
                {
                    ThrowTerminatingError(ErrorRecords.From(e, exchange));
                    throw; // not reached: ThrowTerminatingError throws
                }
            }

            result.Add(account);
        }

        return result;
    }

    /// <summary>
    /// Runs work against the account (against each, in turn, for a command that reads several); the accounts are
    /// resolved here, on the pipeline thread.
    /// </summary>
    internal void RunAccount(Func<ITrading, PipelineBridge, CancellationToken, Task> work, object? target = null)
    {
        var accounts = ReadsManyAccounts ? Accounts() : new[] { Account() };
        foreach (var account in accounts) Run((bridge, ct) => work(account, bridge, ct), target);
    }
}
