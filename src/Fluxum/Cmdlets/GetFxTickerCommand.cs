using System.Management.Automation;
using Fluxum.Commands.Completion;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Gets tickers. Symbols from the command line and from the pipeline are collected and asked for in as few
/// requests as the exchange allows (one per exchange); no symbol means every symbol.
/// </summary>
[Cmdlet(VerbsCommon.Get, "FxTicker", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxTicker.md")]
[OutputType(typeof(Ticker), typeof(PriceTicker), typeof(BookTicker))]
public sealed class GetFxTickerCommand : MarketDataCmdlet
{
    private readonly List<(ExchangeId Exchange, TradingEnvironment Environment, string Symbol)> _wanted = new();
    private bool _all;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string[]? Symbol { get; set; }

    [Parameter]
    public TickerType Type { get; set; } = TickerType.Full;

    protected override void ProcessRecord()
    {
        if (Symbol is null || Symbol.Length == 0)
        {
            _all = true;
            return;
        }

        foreach (var s in Symbol) _wanted.Add((Exchange, Environment, s));
    }

    protected override void EndProcessing()
    {
        var type = Type;
        var batches = _all && _wanted.Count == 0
            ? new[] { (Key: (Exchange, Environment), Symbols: (IReadOnlyList<string>?)null) }
            : _wanted.GroupBy(w => (w.Exchange, w.Environment))
                .Select(g => (Key: g.Key, Symbols: (IReadOnlyList<string>?)g.Select(w => w.Symbol).ToList())).ToArray();

        foreach (var batch in batches)
        {
            Run(async (bridge, ct) =>
            {
                var market = Engine.GetMarketData(batch.Key.Item1, batch.Key.Item2);
                // Unknown symbols fail alone (the market data reports each), the rest still go out in one request.
                var symbols = batch.Symbols;
                var target = batch.Symbols is { Count: 1 } one ? one[0] : (object)batch.Key.Item1;
                switch (type)
                {
                    case TickerType.Price:
                        Write(bridge, await market.GetPriceTickersAsync(symbols, ct).ConfigureAwait(false), target);
                        break;
                    case TickerType.Book:
                        Write(bridge, await market.GetBookTickersAsync(symbols, ct).ConfigureAwait(false), target);
                        break;
                    default:
                        Write(bridge, await market.GetTickersAsync(symbols, ct).ConfigureAwait(false), target);
                        break;
                }
            }, batch.Symbols is { Count: 1 } only ? only[0] : batch.Key.Item1);
        }
    }

    /// <summary>The rows, then each error aimed at the symbol it names (an unknown one) or at the request.</summary>
    private static void Write<T>(Bridge.PipelineBridge bridge, RowSet<T> rows, object target)
    {
        foreach (var item in rows.Items) bridge.Emit(item!);
        foreach (var error in rows.Errors) bridge.Error(error, error.Data["Fluxum.Symbol"] as string ?? target);
    }
}
