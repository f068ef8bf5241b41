using System.Management.Automation;
using Fluxum.Commands.Completion;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Gets the account's own fills with their fees, paging by time or trade id.</summary>
[Cmdlet(VerbsCommon.Get, "FxMyTrade", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxMyTrade.md")]
[OutputType(typeof(Fill))]
public sealed class GetFxMyTradeCommand : TradingCmdlet
{
    protected override bool ReadsManyAccounts => true;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string Symbol { get; set; } = "";

    [Parameter]
    public DateTime? StartTime { get; set; }

    [Parameter]
    public DateTime? EndTime { get; set; }

    /// <summary>Reads forward from this trade id (text: the exchange says whether it is one of its ids).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FromId { get; set; }

    /// <summary>The most fills to return (default 500).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Limit { get; set; } = 500;

    protected override void ProcessRecord()
    {
        var start = AsUtc(StartTime);
        var end = AsUtc(EndTime);
        CheckTimeRange(start, end);
        var query = new HistoryQuery(Symbol) { StartTime = start, EndTime = end, FromId = FromId };
        var limit = Limit;
        var defaultCap = !MyInvocation.BoundParameters.ContainsKey(nameof(Limit));
        RunAccount(async (a, bridge, ct) =>
        {
            int count = 0;
            Fill? last = null;
            await foreach (var f in HistoryPager.ReadAsync(q => a.GetFillsAsync(q, ct), query, limit, f => f.TradeId, f => f.Time, ct,
                               rowError: e => bridge.Error(e, Symbol)).ConfigureAwait(false))
            {
                count++;
                last = f;
                bridge.Emit(f);
            }

            // A cap the user did not ask for must not cut history silently.
            if (defaultCap && count >= limit && last is not null)
            {
                Diagnostics.FxLog.Warning($"Stopped after {limit} fills of {Symbol} (the default -Limit), at {last.Time:o}; later fills were not read: pass -Limit for more.");
            }
        }, Symbol);
    }
}
