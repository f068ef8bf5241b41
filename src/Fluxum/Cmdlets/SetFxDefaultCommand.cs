using System.Management.Automation;
using Fluxum.Commands.Credentials;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Sets the exchange, environment and named account that commands of this session use when none is given on the
/// command line or by a piped object. Kept per runspace; -Reset forgets them.
/// </summary>
[Cmdlet(VerbsCommon.Set, "FxDefault", DefaultParameterSetName = SetSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Set-FxDefault.md")]
[OutputType(typeof(FxDefaults))]
public sealed class SetFxDefaultCommand : FluxumCmdlet
{
    private const string SetSet = "Set";
    private const string ResetSet = "Reset";

    [Parameter(Position = 0, ParameterSetName = SetSet)]
    public ExchangeId? Exchange { get; set; }

    [Parameter(ParameterSetName = SetSet)]
    public TradingEnvironment? Environment { get; set; }

    /// <summary>A named account; an empty string goes back to the unnamed account.</summary>
    [Parameter(ParameterSetName = SetSet)]
    [AllowEmptyString]
    public string? Account { get; set; }

    /// <summary>Forgets every default of the session: FLUXUM_DEFAULT_EXCHANGE, then Binance, apply again.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ResetSet)]
    public SwitchParameter Reset { get; set; }

    /// <summary>Writes the defaults now in force (Get-FxDefault's object).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        if (Reset)
        {
            if (ShouldProcess("the Fluxum defaults of this session", "Reset")) SessionDefaults.Reset();
        }
        else
        {
            var accountGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Account));
            var account = accountGiven ? AccountParameters.Normalize(this, Account) : null;
            if (Exchange is null && Environment is null && !accountGiven)
            {
                ThrowTerminatingError(Bridge.ErrorRecords.InvalidArgument("Fluxum.NothingToSet",
                    "Give -Exchange, -Environment or -Account (or -Reset to forget the session's defaults).", null));
            }

            var what = string.Join(", ", new[]
            {
                Exchange is { } e ? $"exchange {e}" : null,
                Environment is { } env ? $"environment {env}" : null,
                accountGiven ? account is null ? "the unnamed account" : $"account '{account}'" : null,
            }.Where(w => w is not null));
            if (ShouldProcess($"the Fluxum defaults of this session", $"Set {what}"))
            {
                if (Exchange is { } chosen && Engine.Exchanges.FirstOrDefault(i => i.Exchange == chosen) is { IsImplemented: false })
                {
                    WriteWarning($"{chosen} is not implemented in this version of Fluxum yet: commands that use the default will say so. Get-FxExchange lists what is.");
                }

                SessionDefaults.Set(Exchange, Environment, account, clearAccount: accountGiven && account is null);
            }
        }

        if (PassThru) WriteObject(SessionDefaults.Resolve(out _));
    }
}
