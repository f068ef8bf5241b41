using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Fluxum.Commands.Loading;

namespace Fluxum.Commands.Completion;

/// <summary>
/// Completes -Symbol from the exchange's symbol list. The list is the engine's hourly cache; the first
/// completion of a session loads it, waiting at most a few seconds so the prompt never hangs.
/// </summary>
public sealed class SymbolCompleter : IArgumentCompleter
{
    private static readonly TimeSpan LoadBudget = TimeSpan.FromSeconds(3);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        Symbols.SymbolCatalog? catalog;
        try
        {
            var market = EngineHost.Engine.GetMarketData(CompletionContext.Exchange(fakeBoundParameters),
                CompletionContext.Environment(fakeBoundParameters));
            using var cts = new CancellationTokenSource(LoadBudget);
            var load = market.GetSymbolsAsync(cts.Token);
            catalog = load.Wait(LoadBudget) ? load.Result : null;
        }
        catch (Exception)
        {
            // Completion must never throw at the prompt: no list, no suggestions.
            catalog = null;
        }

        if (catalog is null) yield break;
        var prefix = CompletionContext.Prefix(wordToComplete);
        var pattern = new WildcardPattern(prefix + "*", WildcardOptions.IgnoreCase);
        foreach (var s in catalog.Symbols.OrderBy(s => s.NativeSymbol, StringComparer.Ordinal))
        {
            var tooltip = $"{s.Symbol} ({s.NativeSymbol}) {s.Status}";
            if (pattern.IsMatch(s.NativeSymbol))
            {
                yield return new CompletionResult(s.NativeSymbol, s.NativeSymbol, CompletionResultType.ParameterValue, tooltip);
            }
            else if (pattern.IsMatch(s.Symbol))
            {
                yield return new CompletionResult(s.Symbol, s.Symbol, CompletionResultType.ParameterValue, tooltip);
            }
        }
    }
}
