using System.Management.Automation;
using Fluxum.Commands.Credentials;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Resolves and checks credentials once (an account call) and keeps them for the session, so later commands
/// need no -Credential. Commands also work without it, resolving credentials on first use.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "FxExchange")]
[OutputType(typeof(AccountInfo))]
public sealed class ConnectFxExchangeCommand : TradingCmdlet
{
    protected override void ProcessRecord()
    {
        var environment = Environment;
        RunAccount(async (a, bridge, ct) =>
        {
            var info = await a.GetAccountAsync(ct).ConfigureAwait(false);
            SessionCredentials.Set(a.Credential, environment);
            bridge.Verbose($"Connected to {a.Exchange} with key {a.Credential.MaskedApiKey} from {a.Credential.Source}.");
            bridge.Emit(info);
        }, Exchange);
    }
}
