using System.Management.Automation;
using Fluxum.Commands.Completion;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Gets orders: one by id or client id, the open ones, or the whole history of a symbol (paged).</summary>
[Cmdlet(VerbsCommon.Get, "FxOrder", DefaultParameterSetName = OpenSet, HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Get-FxOrder.md")]
[OutputType(typeof(Order))]
public sealed class GetFxOrderCommand : TradingCmdlet
{
    protected override bool ReadsManyAccounts => true;

    private const string ByIdSet = "ById";
    private const string ByClientIdSet = "ByClientId";
    private const string OpenSet = "Open";
    private const string AllSet = "All";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByClientIdSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Position = 0, ParameterSetName = OpenSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = AllSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string? Symbol { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    public string? OrderId { get; set; }

    /// <summary>Not bound from the pipeline: a piped order carries both ids, and its exchange id decides.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByClientIdSet)]
    public string? ClientOrderId { get; set; }

    /// <summary>The open orders (the default); of every symbol when -Symbol is omitted.</summary>
    [Parameter(ParameterSetName = OpenSet)]
    public SwitchParameter Open { get; set; }

    /// <summary>The order history of the symbol, oldest first, paged.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    [Parameter(ParameterSetName = AllSet)]
    public DateTime? StartTime { get; set; }

    [Parameter(ParameterSetName = AllSet)]
    public DateTime? EndTime { get; set; }

    /// <summary>Reads history forward from this order id (text: the exchange says whether it is one of its ids).</summary>
    [Parameter(ParameterSetName = AllSet)]
    [ValidateNotNullOrEmpty]
    public string? FromId { get; set; }

    /// <summary>The most orders to return from history (default 500).</summary>
    [Parameter(ParameterSetName = AllSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Limit { get; set; } = 500;

    protected override void ProcessRecord()
    {
        var symbol = Symbol;
        switch (ParameterSetName)
        {
            case ByIdSet:
            case ByClientIdSet:
                var reference = new OrderReference(symbol!, ParameterSetName == ByIdSet ? OrderId : null, ParameterSetName == ByClientIdSet ? ClientOrderId : null);
                RunAccount(async (a, bridge, ct) => bridge.Emit(await a.GetOrderAsync(reference, ct).ConfigureAwait(false)), reference);
                break;
            case OpenSet:
                RunAccount(async (a, bridge, ct) => bridge.EmitRows(await a.GetOpenOrdersAsync(symbol, ct).ConfigureAwait(false), symbol ?? (object)Exchange),
                    symbol ?? (object)Exchange);
                break;
            default:
                var start = AsUtc(StartTime);
                var end = AsUtc(EndTime);
                CheckTimeRange(start, end);
                var limit = Limit;
                var history = new HistoryQuery(symbol!) { StartTime = start, EndTime = end, FromId = FromId };
                RunAccount(async (a, bridge, ct) =>
                {
                    await foreach (var o in HistoryPager.ReadAsync(q => a.GetOrderHistoryAsync(q, ct), history,
                                       limit, o => o.OrderId, o => o.CreatedTime, ct,
                                       rowError: e => bridge.Error(e, symbol)).ConfigureAwait(false))
                    {
                        bridge.Emit(o);
                    }
                }, symbol);
                break;
        }
    }
}
