using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Fluxum.Commands.Loading;

namespace Fluxum.Commands.Completion;

/// <summary>Completes -Interval with the candle widths the chosen exchange offers. No network.</summary>
public sealed class IntervalCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var exchange = CompletionContext.Exchange(fakeBoundParameters);
        var info = EngineHost.Engine.Exchanges.FirstOrDefault(e => e.Exchange == exchange);
        if (info is null || info.CandleIntervals.Length == 0) yield break;
        var prefix = CompletionContext.Prefix(wordToComplete);
        foreach (var code in info.CandleIntervals.Split(','))
        {
            // Case matters only between 1m (minute) and 1M (month); match the prefix exactly first.
            if (code.StartsWith(prefix, StringComparison.Ordinal) || (prefix.Length > 0 && !prefix.EndsWith('m') && !prefix.EndsWith('M')
                && code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new CompletionResult(code, code, CompletionResultType.ParameterValue, $"{code} candles on {exchange}");
            }
        }
    }
}
