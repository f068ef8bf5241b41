using System.Management.Automation;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Lists the exchanges Fluxum knows, their markets and what each supports. No network.</summary>
[Cmdlet(VerbsCommon.Get, "FxExchange", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxExchange.md")]
[OutputType(typeof(ExchangeInfo))]
public sealed class GetFxExchangeCommand : FluxumCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ExchangeId[]? Exchange { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var info in Engine.Exchanges)
        {
            if (Exchange is null || Exchange.Length == 0 || Exchange.Contains(info.Exchange)) WriteObject(info);
        }
    }
}
