using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>A cmdlet that reads one exchange's market data: -Exchange (default Binance) and -Environment.</summary>
public abstract class MarketDataCmdlet : FluxumCmdlet
{
    /// <summary>The exchange; change the default with $PSDefaultParameterValues['*-Fx*:Exchange'].</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public ExchangeId Exchange { get; set; } = ExchangeId.Binance;

    [Parameter]
    public TradingEnvironment Environment { get; set; } = TradingEnvironment.Live;

    /// <summary>Runs work against the market data client of the chosen exchange.</summary>
    internal void RunMarket(Func<IMarketData, PipelineBridge, CancellationToken, Task> work, object? target = null, int capacity = 1024)
    {
        var exchange = Exchange;
        var environment = Environment;
        Run((bridge, ct) => work(Engine.GetMarketData(exchange, environment), bridge, ct), target, capacity);
    }
}
