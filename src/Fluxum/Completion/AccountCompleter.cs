using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Fluxum.Commands.Credentials;
using Fluxum.Models;

namespace Fluxum.Commands.Completion;

/// <summary>Completes -Account with the named accounts connected in this session (Connect-FxExchange -Account) for the command's exchange.</summary>
public sealed class AccountCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var exchange = fakeBoundParameters["Exchange"] is { } bound
                       && Enum.TryParse<ExchangeId>(bound.ToString(), ignoreCase: true, out var e)
            ? e
            : SessionDefaults.Resolve(out _).Exchange;
        var prefix = wordToComplete.Trim('\'', '"');
        return SessionCredentials.Accounts(exchange)
            .Where(a => a.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(a => new CompletionResult(a, a, CompletionResultType.ParameterValue, $"{exchange} account {a} (connected in this session)"));
    }
}
