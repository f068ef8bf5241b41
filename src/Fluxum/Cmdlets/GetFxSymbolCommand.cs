using System.Management.Automation;
using Fluxum.Commands.Completion;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Lists symbols with their trading rules, filtered by name (wildcards), base or quote asset, and status.</summary>
[Cmdlet(VerbsCommon.Get, "FxSymbol", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxSymbol.md")]
[OutputType(typeof(SymbolInfo))]
public sealed class GetFxSymbolCommand : MarketDataCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    [SupportsWildcards]
    public string[]? Symbol { get; set; }

    [Parameter]
    public string[]? Quote { get; set; }

    [Parameter]
    public string[]? Base { get; set; }

    [Parameter]
    public SymbolStatus[]? Status { get; set; }

    protected override void ProcessRecord()
    {
        var names = Symbol;
        var quotes = Quote;
        var bases = Base;
        var statuses = Status;
        RunMarket(async (market, bridge, ct) =>
        {
            var catalog = await market.GetSymbolsAsync(ct).ConfigureAwait(false);
            bool Keep(SymbolInfo s) =>
                (quotes is null || quotes.Any(q => string.Equals(q, s.QuoteAsset, StringComparison.OrdinalIgnoreCase)))
                && (bases is null || bases.Any(b => string.Equals(b, s.BaseAsset, StringComparison.OrdinalIgnoreCase)))
                && (statuses is null || statuses.Contains(s.Status));

            // The symbols listed but unreadable are not in the catalog; whichever of them was asked for, each is reported.
            foreach (var e in catalog.Errors) bridge.Error(e, Exchange);
            if (names is null || names.Length == 0)
            {
                foreach (var s in catalog.Symbols.Where(Keep)) bridge.Emit(s);
                return;
            }

            foreach (var name in names)
            {
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                    foreach (var s in catalog.Symbols.Where(s => pattern.IsMatch(s.Symbol) || pattern.IsMatch(s.NativeSymbol)).Where(Keep))
                    {
                        bridge.Emit(s);
                    }
                }
                else if (catalog.TryResolve(name, out var s))
                {
                    if (Keep(s)) bridge.Emit(s);
                }
                else
                {
                    bridge.Error(catalog.NotFound(name), name);
                }
            }
        }, Exchange);
    }
}
