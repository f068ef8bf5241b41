using System.Management.Automation;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Reads the exchange's clock and the local clock's offset from it.</summary>
[Cmdlet(VerbsCommon.Get, "FxServerTime", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxServerTime.md")]
[OutputType(typeof(ServerTime))]
public sealed class GetFxServerTimeCommand : MarketDataCmdlet
{
    protected override void ProcessRecord() =>
        RunMarket(async (market, bridge, ct) => bridge.Emit(await market.GetServerTimeAsync(ct).ConfigureAwait(false)), Exchange);
}
