using System.Management.Automation;
using Fluxum.Commands.Credentials;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Shows the exchange, environment and account that commands use when none is given, and where each came from.</summary>
[Cmdlet(VerbsCommon.Get, "FxDefault", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxDefault.md")]
[OutputType(typeof(FxDefaults))]
public sealed class GetFxDefaultCommand : FluxumCmdlet
{
    /// <summary>Leaves out this session's Set-FxDefault: what a script or a new session would use, from FLUXUM_DEFAULT_EXCHANGE and the built-in defaults.</summary>
    [Parameter]
    public SwitchParameter IgnoreSession { get; set; }

    protected override void EndProcessing()
    {
        var defaults = SessionDefaults.Resolve(out var problem, IgnoreSession);
        if (problem is not null)
        {
            WriteError(Bridge.ErrorRecords.InvalidArgument("Fluxum.InvalidDefaultExchange", problem, System.Environment.GetEnvironmentVariable(FxDefaults.ExchangeVariable)));
        }

        WriteObject(defaults);
    }
}
