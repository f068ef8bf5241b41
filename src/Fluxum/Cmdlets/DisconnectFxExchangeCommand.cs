using System.Management.Automation;
using Fluxum.Commands.Credentials;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Forgets the credentials Connect-FxExchange kept for an exchange in this session.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "FxExchange", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Disconnect-FxExchange.md")]
[OutputType(typeof(void))]
public sealed class DisconnectFxExchangeCommand : MarketDataCmdlet
{
    protected override void ProcessRecord()
    {
        if (SessionCredentials.Remove(Exchange, Environment)) WriteVerbose($"Forgot the {Exchange} credentials of this session.");
        else WriteVerbose($"No {Exchange} credentials were kept in this session.");
    }
}
