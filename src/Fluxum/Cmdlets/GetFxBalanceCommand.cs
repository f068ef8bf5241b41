using System.Management.Automation;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Gets the account's balances: assets with anything free or locked, or all with -IncludeZero.</summary>
[Cmdlet(VerbsCommon.Get, "FxBalance", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxBalance.md")]
[OutputType(typeof(Balance))]
public sealed class GetFxBalanceCommand : TradingCmdlet
{
    protected override bool ReadsManyAccounts => true;

    /// <summary>Only these assets (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    public string[]? Asset { get; set; }

    [Parameter]
    public SwitchParameter IncludeZero { get; set; }

    protected override void ProcessRecord()
    {
        var patterns = Asset?.Select(a => new WildcardPattern(a, WildcardOptions.IgnoreCase)).ToList();
        var includeZero = IncludeZero.IsPresent;
        RunAccount(async (account, bridge, ct) =>
        {
            var balances = await account.GetBalancesAsync(ct).ConfigureAwait(false);
            foreach (var b in balances)
            {
                if (!includeZero && b.Total == 0) continue;
                if (patterns is not null && !patterns.Any(p => p.IsMatch(b.Asset))) continue;
                bridge.Emit(b);
            }

            // A balance that could not be read might be any asset, so it is reported whatever the filter.
            foreach (var e in balances.Errors) bridge.Error(e, Exchange);
        }, Exchange);
    }
}
