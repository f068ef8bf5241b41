using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Credentials;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// A cmdlet that reads one exchange's market data: -Exchange and -Environment. What a command uses, first to
/// last: the command line, the Exchange property of a piped object, Set-FxDefault, FLUXUM_DEFAULT_EXCHANGE, Binance.
/// </summary>
public abstract class MarketDataCmdlet : FluxumCmdlet
{
    private ExchangeId? _exchange;
    private TradingEnvironment? _environment;

    /// <summary>
    /// Read when PowerShell makes the command, on its thread: the defaults are per runspace, and a value taken now
    /// is what PowerShell restores between piped objects, so an object without an Exchange gets the default again.
    /// </summary>
    protected MarketDataCmdlet()
    {
        Defaults = SessionDefaults.Resolve(out var problem);
        DefaultProblem = problem;
    }

    /// <summary>The defaults in force when the command started.</summary>
    internal FxDefaults Defaults { get; }

    /// <summary>Set when FLUXUM_DEFAULT_EXCHANGE holds no exchange id: a command that would use it stops instead.</summary>
    private string? DefaultProblem { get; }

    /// <summary>The exchange; without it, the piped object's Exchange, then Set-FxDefault, FLUXUM_DEFAULT_EXCHANGE, Binance.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public ExchangeId Exchange
    {
        get => _exchange ?? Defaults.Exchange;
        set => _exchange = value;
    }

    [Parameter]
    public TradingEnvironment Environment
    {
        get => _environment ?? Defaults.Environment;
        set => _environment = value;
    }

    private protected override void BeforeRun() => CheckDefaultExchange();

    /// <summary>
    /// Stops the command when the exchange would come from a FLUXUM_DEFAULT_EXCHANGE that names none: a scheduled
    /// script with a typo must fail, not quietly read Binance.
    /// </summary>
    internal void CheckDefaultExchange()
    {
        if (_exchange is null && DefaultProblem is { } problem)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("Fluxum.InvalidDefaultExchange", problem, System.Environment.GetEnvironmentVariable(FxDefaults.ExchangeVariable)));
        }
    }

    /// <summary>Runs work against the market data client of the chosen exchange.</summary>
    internal void RunMarket(Func<IMarketData, PipelineBridge, CancellationToken, Task> work, object? target = null, int capacity = 1024)
    {
        var exchange = Exchange;
        var environment = Environment;
        Run((bridge, ct) => work(Engine.GetMarketData(exchange, environment), bridge, ct), target, capacity);
    }
}
