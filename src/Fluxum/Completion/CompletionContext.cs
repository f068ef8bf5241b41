using System.Collections;
using Fluxum.Models;

namespace Fluxum.Commands.Completion;

/// <summary>What a completer can tell about the command line being typed.</summary>
internal static class CompletionContext
{
    /// <summary>The -Exchange already typed on the line, else Binance.</summary>
    public static ExchangeId Exchange(IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters is not null && fakeBoundParameters.Contains("Exchange"))
        {
            var value = fakeBoundParameters["Exchange"];
            if (value is ExchangeId id) return id;
            if (value is not null && Enum.TryParse<ExchangeId>(value.ToString(), ignoreCase: true, out var parsed)) return parsed;
        }

        return ExchangeId.Binance;
    }

    public static TradingEnvironment Environment(IDictionary fakeBoundParameters) =>
        fakeBoundParameters is not null && fakeBoundParameters.Contains("Environment")
        && Enum.TryParse<TradingEnvironment>(fakeBoundParameters["Environment"]?.ToString(), ignoreCase: true, out var env)
            ? env
            : TradingEnvironment.Live;

    /// <summary>The word typed so far, without quotes, as a prefix pattern.</summary>
    public static string Prefix(string wordToComplete) => (wordToComplete ?? "").Trim('\'', '"');
}
