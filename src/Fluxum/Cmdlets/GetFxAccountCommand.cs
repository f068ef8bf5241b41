using System.Management.Automation;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Gets what the API key may do on the account and the commission rates it pays.</summary>
[Cmdlet(VerbsCommon.Get, "FxAccount", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxAccount.md")]
[OutputType(typeof(AccountInfo))]
public sealed class GetFxAccountCommand : TradingCmdlet
{
    protected override bool ReadsManyAccounts => true;

    protected override void ProcessRecord() =>
        RunAccount(async (account, bridge, ct) => bridge.Emit(await account.GetAccountAsync(ct).ConfigureAwait(false)), Exchange);
}
