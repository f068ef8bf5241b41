using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Credentials;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Streams the account's own order updates (Order), fills (Fill) and balance changes (Balance) as they happen,
/// with the same credentials as the trading commands; the exchange subscription is kept alive without user action.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "FxOrder", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Watch-FxOrder.md")]
[OutputType(typeof(Order), typeof(Fill), typeof(Balance))]
public sealed class WatchFxOrderCommand : WatchCmdlet, IDynamicParameters
{
    /// <summary>-Account (one or several: each its own stream), -Credential, -SecretName, -Vault, as on every account command.</summary>
    private readonly AccountListParameters _choice = new();

    public object GetDynamicParameters() => _choice;

    /// <summary>
    /// The kinds of event to write: Order, Fill, Balance (default all three). Choose one for Export-Csv or a
    /// table: the columns of a CSV and of a table come from the first object, so mixed kinds lose values.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public AccountEventType[] Type { get; set; } = { AccountEventType.Order, AccountEventType.Fill, AccountEventType.Balance };

    protected override bool Wanted(object item) => item switch
    {
        Order => Type.Contains(AccountEventType.Order),
        Fill => Type.Contains(AccountEventType.Fill),
        Balance => Type.Contains(AccountEventType.Balance),
        _ => true,
    };

    protected override void EndProcessing()
    {
        var streams = new List<Func<IStreamSink, CancellationToken, Task>>();
        try
        {
            CheckDefaultExchange();
            Engine.Require(Exchange, ExchangeCapabilities.AccountStream, "the account's own order stream (Watch-FxOrder)");
            var names = _choice.Resolve(this, Defaults.Account);
            if (names.Count > 1 && (_choice.Credential is not null || _choice.SecretName is not null))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("Fluxum.OneCredentialManyAccounts",
                    "-Credential and -SecretName give the keys of one account; with several -Account names, let each resolve its own (Connect-FxExchange -Account, or its secret).", _choice.Requested));
            }

            foreach (var name in names)
            {
                var credential = CredentialResolver.Resolve(this, Exchange, Environment, name, _choice.Credential, _choice.SecretName, _choice.Vault);
                var account = Engine.GetAccountStreams(Exchange, Environment, credential);
                streams.Add(name is null ? account.WatchAsync : (sink, ct) => account.WatchAsync(new NamedAccountSink(sink, name), ct));
            }
        }
        catch (FxException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, Exchange));
            return;
        }

        Watch(streams, Exchange);
    }
}
