using System.Management.Automation;
using Fluxum.Commands.Credentials;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Forgets the credentials Connect-FxExchange kept for an exchange (one account, or every one with -All) in this session.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "FxExchange", DefaultParameterSetName = OneSet, HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Disconnect-FxExchange.md")]
[OutputType(typeof(void))]
public sealed class DisconnectFxExchangeCommand : MarketDataCmdlet
{
    private const string OneSet = "Account";
    private const string AllSet = "All";

    /// <summary>The named account to forget; without it, the unnamed one (or the Set-FxDefault account).</summary>
    [Parameter(ParameterSetName = OneSet)]
    public string? Account { get; set; }

    /// <summary>Forgets every account of the exchange, named or not.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        CheckDefaultExchange();
        if (All)
        {
            var removed = SessionCredentials.RemoveAll(Exchange, Environment);
            WriteVerbose($"Forgot the credentials of {removed} {Exchange} account{(removed == 1 ? "" : "s")} of this session.");
            return;
        }

        var account = MyInvocation.BoundParameters.ContainsKey(nameof(Account))
            ? AccountParameters.Normalize(this, Account)
            : Defaults.Account;
        var what = account is null ? $"{Exchange}" : $"{Exchange} account '{account}'";
        if (SessionCredentials.Remove(Exchange, Environment, account)) WriteVerbose($"Forgot the {what} credentials of this session.");
        else WriteVerbose($"No {what} credentials were kept in this session.");
    }
}
