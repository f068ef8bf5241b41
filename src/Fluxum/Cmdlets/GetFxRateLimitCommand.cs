using System.Management.Automation;
using Fluxum.Commands.Credentials;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Shows the rate budgets Fluxum counts for each exchange in use this session (or those named): per address
/// (request weight, call pacing) and per API key (order counters, one set per account), with what is used, the
/// limit, the window and any pause the exchange asked for. No network.
/// </summary>
[Cmdlet(VerbsCommon.Get, "FxRateLimit", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxRateLimit.md")]
[OutputType(typeof(RateLimit))]
public sealed class GetFxRateLimitCommand : FluxumCmdlet
{
    /// <summary>These exchanges (their declared budgets even before first use); without it, every exchange in use, else the default one.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public ExchangeId[]? Exchange { get; set; }

    [Parameter]
    public TradingEnvironment? Environment { get; set; }

    /// <summary>Only these named accounts' per-key budgets (address budgets are always shown).</summary>
    [Parameter]
    public string[]? Account { get; set; }

    protected override void ProcessRecord()
    {
        var accounts = Account?.Select(a => AccountParameters.Normalize(this, a)).ToList();
        try
        {
            IEnumerable<RateLimit> rows;
            if (Exchange is { Length: > 0 } exchanges)
            {
                rows = exchanges.Distinct().SelectMany(e => Engine.GetRateLimits(e, Environment));
            }
            else
            {
                var inUse = Engine.GetRateLimits(null, Environment);
                rows = inUse.Count > 0 ? inUse : Engine.GetRateLimits(SessionDefaults.Resolve(out _).Exchange, Environment);
            }

            foreach (var row in rows)
            {
                if (accounts is not null && row.Scope == "Account" && !accounts.Contains(row.Account, StringComparer.OrdinalIgnoreCase)) continue;
                WriteObject(row);
            }
        }
        catch (FxException e)
        {
            WriteError(Bridge.ErrorRecords.From(e, Exchange));
        }
    }
}
