using System.Management.Automation;
using Fluxum.Commands.Completion;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Gets an order book snapshot per symbol.</summary>
[Cmdlet(VerbsCommon.Get, "FxDepth", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxDepth.md")]
[OutputType(typeof(OrderBook))]
public sealed class GetFxDepthCommand : MarketDataCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string[] Symbol { get; set; } = Array.Empty<string>();

    /// <summary>Levels per side; the allowed values depend on the exchange.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Limit { get; set; }

    /// <summary>
    /// A limit the exchange does not serve fails every symbol alike: the exchange's own rule (the one its market data
    /// enforces) is asked once, before any request, and stops the command.
    /// </summary>
    protected override void BeginProcessing()
    {
        if (Limit is not { } limit) return;
        try
        {
            Engine.GetMarketData(Exchange, Environment).DepthLimits.Check(Exchange, limit);
        }
        catch (FxException e) when (e.ErrorId == "Fluxum.InvalidDepthLimit")
        {
            ThrowTerminatingError(Bridge.ErrorRecords.From(e, limit));
        }
        catch (FxException)
        {
            // No market data for this exchange: ProcessRecord reports that, per symbol.
        }
    }

    protected override void ProcessRecord()
    {
        var symbols = Symbol;
        var limit = Limit;
        RunMarket(async (market, bridge, ct) =>
        {
            foreach (var symbol in symbols)
            {
                try
                {
                    bridge.Emit(await market.GetDepthAsync(symbol, limit, ct).ConfigureAwait(false));
                }
                catch (FxException e) when (!Bridge.ErrorRecords.IsTerminating(e))
                {
                    bridge.Error(e, symbol);
                }
            }
        }, symbols.Length == 1 ? symbols[0] : symbols);
    }
}
