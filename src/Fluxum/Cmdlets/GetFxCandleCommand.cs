using System.Management.Automation;
using Fluxum.Commands.Completion;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Gets candles for any range: pages through the exchange's per-request limit with no candle repeated or
/// skipped at page boundaries, showing progress on long ranges.
/// </summary>
[Cmdlet(VerbsCommon.Get, "FxCandle", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxCandle.md")]
[OutputType(typeof(Candle))]
public sealed class GetFxCandleCommand : MarketDataCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string[] Symbol { get; set; } = Array.Empty<string>();

    /// <summary>Candle width: 1m, 5m, 1h, 4h, 1d, 1w, 1M (month), as the exchange offers.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IntervalCompleter))]
    public string Interval { get; set; } = "1h";

    [Parameter]
    public DateTime? StartTime { get; set; }

    [Parameter]
    public DateTime? EndTime { get; set; }

    /// <summary>The most candles to return; without -StartTime, the latest this many (default 500).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Limit { get; set; }

    protected override void ProcessRecord()
    {
        if (!CandleInterval.TryParse(Interval, out var interval))
        {
            ThrowTerminatingError(Bridge.ErrorRecords.InvalidArgument("Fluxum.InvalidInterval",
                $"'{Interval}' is not a candle interval such as 1m, 15m, 1h, 4h, 1d, 1w or 1M.", Interval));
        }

        var start = AsUtc(StartTime);
        var end = AsUtc(EndTime);
        CheckTimeRange(start, end);

        var limit = Limit;
        foreach (var symbol in Symbol)
        {
            RunMarket(async (market, bridge, ct) =>
            {
                await foreach (var candle in CandlePager.GetCandlesAsync(market, symbol, interval, start, end, limit, ct: ct,
                                   rowError: e => bridge.Error(e, symbol)).ConfigureAwait(false))
                {
                    bridge.Emit(candle);
                }
            }, symbol);
        }
    }
}
