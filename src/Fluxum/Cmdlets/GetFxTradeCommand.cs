using System.Management.Automation;
using Fluxum.Commands.Completion;
using Fluxum.Diagnostics;
using Fluxum.Errors;
using Fluxum.Market;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Gets recent trades, or trade history from an id or a time, paging through the exchange's per-request limit.
/// </summary>
[Cmdlet(VerbsCommon.Get, "FxTrade", DefaultParameterSetName = RecentSet, HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxTrade.md")]
[OutputType(typeof(Trade))]
public sealed class GetFxTradeCommand : MarketDataCmdlet
{
    private const string RecentSet = "Recent";
    private const string FromIdSet = "FromId";
    private const string TimeSet = "Time";

    /// <summary>History from an id (which has no end) stops after this many trades unless -Limit says otherwise.</summary>
    private const int DefaultHistoryCount = 1000;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string[] Symbol { get; set; } = Array.Empty<string>();

    /// <summary>How many trades: recent ones (default 500), or the most to read from history.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Limit { get; set; }

    /// <summary>Binance aggregate trades: fills of one taker order at one price, merged.</summary>
    [Parameter]
    public SwitchParameter Aggregate { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = FromIdSet)]
    [ValidateRange(0, long.MaxValue)]
    public long FromId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = TimeSet)]
    public DateTime StartTime { get; set; }

    [Parameter(ParameterSetName = TimeSet)]
    public DateTime? EndTime { get; set; }

    protected override void ProcessRecord()
    {
        var set = ParameterSetName;
        var start = set == TimeSet ? AsUtc(StartTime) : null;
        // A start without an end means "up to now": a count cap here once returned 100 s of an hour asked for.
        var end = set == TimeSet ? AsUtc(EndTime) ?? DateTimeOffset.UtcNow : (DateTimeOffset?)null;
        CheckTimeRange(start, end);

        long? fromId = set == FromIdSet ? FromId : null;
        var aggregate = Aggregate.IsPresent;
        var defaultCap = set == FromIdSet && Limit is null;
        int? maxTotal = set == RecentSet ? null : Limit ?? (defaultCap ? DefaultHistoryCount : null);
        var recentLimit = Limit ?? 500;
        foreach (var symbol in Symbol)
        {
            var query = new TradeQuery(symbol, recentLimit) { Aggregate = aggregate, FromId = fromId, StartTime = start, EndTime = end };
            RunMarket(async (market, bridge, ct) =>
            {
                int count = 0;
                Trade? last = null;
                await foreach (var trade in TradePager.GetTradesAsync(market, query, maxTotal, ct, rowError: e => bridge.Error(e, symbol)).ConfigureAwait(false))
                {
                    count++;
                    last = trade;
                    bridge.Emit(trade);
                }

                // A cap the user did not ask for must not cut history silently.
                if (defaultCap && count >= DefaultHistoryCount && last is not null)
                {
                    FxLog.Warning($"Stopped after {DefaultHistoryCount} trades of {symbol} (the default -Limit from an id), at {last.Time:o}; " +
                        "later trades were not read: pass -Limit, or use -StartTime (which reads up to -EndTime or now).");
                }
            }, symbol);
        }
    }
}
