using System.Management.Automation;
using Fluxum.Commands.Credentials;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Resolves and checks credentials once (an account call) and keeps them for the session, under -Account when
/// given, so later commands need no -Credential. Commands also work without it, resolving credentials on first use.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "FxExchange", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Connect-FxExchange.md")]
[OutputType(typeof(AccountInfo))]
public sealed class ConnectFxExchangeCommand : TradingCmdlet
{
    protected override void ProcessRecord()
    {
        var account = Account();
        var environment = Environment;
        AccountInfo? checkedAccount = null;
        RunAccount(async (a, bridge, ct) =>
        {
            checkedAccount = await a.GetAccountAsync(ct).ConfigureAwait(false);
            bridge.Emit(checkedAccount);
        }, Exchange);

        // Kept only once the exchange accepted them, and here on the pipeline thread, where the runspace is known.
        if (checkedAccount is null) return;
        SessionCredentials.Set(account.Credential, environment);
        WriteVerbose($"Connected to {account.Credential} (kept for this session).");
    }
}
