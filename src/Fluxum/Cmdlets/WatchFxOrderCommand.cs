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
public sealed class WatchFxOrderCommand : WatchCmdlet
{
    /// <summary>User name = API key, password = API secret (or a PEM private key).</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The SecretManagement secret to read; default Fluxum.&lt;Exchange&gt;.</summary>
    [Parameter]
    public string? SecretName { get; set; }

    [Parameter]
    public string? Vault { get; set; }

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
        IAccountStreams account;
        try
        {
            Engine.Require(Exchange, ExchangeCapabilities.AccountStream, "the account's own order stream (Watch-FxOrder)");
            var credential = CredentialResolver.Resolve(this, Exchange, Environment, Credential, SecretName, Vault);
            account = Engine.GetAccountStreams(Exchange, Environment, credential);
        }
        catch (FxException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, Exchange));
            return;
        }

        Watch(new Func<IStreamSink, CancellationToken, Task>[] { account.WatchAsync }, Exchange);
    }
}
