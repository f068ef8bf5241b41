using System.Management.Automation;
using Fluxum.Commands.Credentials;
using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Checks an exchange (and each account asked for): reachable, clock offset, rate budget left, and whether the
/// credentials, where they resolve, are accepted and what they may do. One object per exchange and account with
/// Healthy and Problems; a problem is reported in the object, never as an error, so a scheduled check always
/// gets its answer. -Quiet writes only whether everything is healthy.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "FxConnection", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Test-FxConnection.md")]
// -Quiet writes one Boolean (documented in the help's OUTPUTS); only the object type is declared, since every
// declared type has a view and a Boolean needs none.
[OutputType(typeof(ConnectionTest))]
public sealed class TestFxConnectionCommand : TradingCmdlet
{
    private bool _allHealthy = true;

    protected override bool ReadsManyAccounts => true;

    /// <summary>Writes one $true or $false (all healthy) instead of the objects.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary>A clock further off than this (beyond the exchange's resolution) is a problem.</summary>
    [Parameter]
    [SecondsTransformation]
    [NonNegativeTimeSpan]
    public TimeSpan MaxClockOffset { get; set; } = TimeSpan.FromSeconds(1);

    protected override void ProcessRecord()
    {
        CheckDefaultExchange();
        var exchange = Exchange;
        var environment = Environment;
        var checker = new ConnectionChecker { MaxClockOffset = MaxClockOffset };
        var trades = Engine.Exchanges.FirstOrDefault(i => i.Exchange == exchange) is { } info && info.Supports(ExchangeCapabilities.Trading);
        var names = Choice.Resolve(this, Defaults.Account);
        foreach (var name in names)
        {
            ITrading? account = null;
            string credentials;
            string? problem = null;
            if (!trades)
            {
                credentials = "NotApplicable";
                if (Choice.IsExplicit) problem = $"{exchange} has no trading in this version of Fluxum, so no account can be checked";
            }
            else
            {
                (account, credentials, problem) = Open(exchange, environment, name);
            }

            ConnectionTest? result = null;
            Run(async (bridge, ct) =>
            {
                IMarketData market;
                try
                {
                    market = Engine.GetMarketData(exchange, environment);
                }
                catch (FxException e)
                {
                    result = Unreachable(exchange, environment, name, credentials, e.Message);
                    return;
                }

                result = await checker.CheckAsync(exchange, environment, name, market.GetServerTimeAsync,
                    () => Engine.GetRateLimits(exchange, environment), account is null ? null : AccountProbe.Of(account), credentials, problem, ct).ConfigureAwait(false);
            }, exchange);

            if (result is null) continue; // stopped
            _allHealthy &= result.Healthy;
            if (!Quiet) WriteObject(result);
        }
    }

    protected override void EndProcessing()
    {
        if (Quiet) WriteObject(_allHealthy);
    }

    /// <summary>
    /// The account's credentials, resolved on this thread. None found for the default unnamed account is reported
    /// as "None", not a problem: a machine that only reads market data has no keys. Asked for and missing is one.
    /// </summary>
    private (ITrading? Account, string Credentials, string? Problem) Open(ExchangeId exchange, TradingEnvironment environment, string? name)
    {
        try
        {
            var credential = CredentialResolver.Resolve(this, exchange, environment, name, Choice.Credential, Choice.SecretName, Choice.Vault);
            var trading = Engine.GetTrading(exchange, environment, credential, RecvWindow);
            return (credential.Account is { } named ? new NamedAccountTrading(trading, named) : trading, "", null);
        }
        catch (FxException e) when (e.ErrorId == "Fluxum.NoCredentials" && name is null && !Choice.IsExplicit)
        {
            return (null, "None", null);
        }
        catch (FxException e)
        {
            return (null, "Missing", $"credentials: {e.Message}");
        }
    }

    private static ConnectionTest Unreachable(ExchangeId exchange, TradingEnvironment environment, string? account, string credentials, string problem) => new()
    {
        Exchange = exchange,
        Environment = environment,
        Account = account,
        Healthy = false,
        Problems = problem,
        Credentials = credentials,
        TestedAt = DateTimeOffset.UtcNow,
    };
}
