using System.Management.Automation;
using Fluxum.Commands.Completion;
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

    /// <summary>History from an id stops after this many trades unless -Limit says otherwise (and says when it cut).</summary>
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

    /// <summary>Text, since ids are the exchange's: 123 binds as "123", and the exchange module says whether it is one of its ids.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromIdSet)]
    [ValidateNotNullOrEmpty]
    public string FromId { get; set; } = "";

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

        string? fromId = set == FromIdSet ? FromId : null;
        var aggregate = Aggregate.IsPresent;
        int? maxTotal = set == RecentSet ? null : Limit ?? (set == FromIdSet ? DefaultHistoryCount : null);
        var warnWhenCut = set == FromIdSet && Limit is null;
        var recentLimit = Limit ?? 500;
        foreach (var symbol in Symbol)
        {
            var query = new TradeQuery(symbol, recentLimit) { Aggregate = aggregate, FromId = fromId, StartTime = start, EndTime = end };
            RunMarket(async (market, bridge, ct) =>
            {
                await foreach (var trade in TradePager.GetTradesAsync(market, query, maxTotal, ct, rowError: e => bridge.Error(e, symbol), warnWhenCut).ConfigureAwait(false))
                {
                    bridge.Emit(trade);
                }
            }, symbol);
        }
    }
}
