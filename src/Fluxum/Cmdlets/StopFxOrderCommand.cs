using System.Management.Automation;
using Fluxum.Commands.Completion;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Cancels orders (Stop is PowerShell's approved verb for it): one by id or client id, from the pipeline
/// (Get-FxOrder -Open | Where-Object ... | Stop-FxOrder), every open order of a symbol with -All, or with -All
/// and no symbol every open order of the account (a kill switch: safe to repeat, nothing open is success).
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "FxOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet, HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Stop-FxOrder.md")]
[OutputType(typeof(Order))]
public sealed class StopFxOrderCommand : TradingCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByClientIdSet = "ByClientId";
    private const string AllSet = "All";

    /// <summary>With -All optional: without it, every symbol.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByClientIdSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Position = 0, ParameterSetName = AllSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string Symbol { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    public string? OrderId { get; set; }

    /// <summary>Not bound from the pipeline: a piped order carries both ids, and its exchange id decides.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByClientIdSet)]
    public string? ClientOrderId { get; set; }

    /// <summary>Every open order of the symbol, or of the account when no symbol is given.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Cancels all without asking (for scheduled scripts).</summary>
    [Parameter(ParameterSetName = AllSet)]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var symbol = Symbol;
        if (ParameterSetName == AllSet)
        {
            var everything = string.IsNullOrEmpty(symbol);
            var scope = everything ? $"every symbol on {Exchange}" : $"{symbol} on {Exchange}";
            if (!ShouldProcess(scope, "Cancel every open order")) return;
            var question = everything ? $"Cancel every open order of the account on {Exchange}, of every symbol?" : $"Cancel every open {symbol} order on {Exchange}?";
            if (!Force && !ConfirmationPrompt.Ask(this, question, "Cancel all orders", everything ? Exchange : symbol)) return;
            if (everything)
            {
                RunAccount((a, bridge, ct) => OpenOrderSweep.CancelEverythingAsync(a, (rows, s) => bridge.EmitRows(rows, s), (e, s) => bridge.Error(e, s), ct), Exchange);
                return;
            }

            RunAccount(async (a, bridge, ct) =>
            {
                bridge.EmitRows(await a.CancelAllAsync(symbol, ct).ConfigureAwait(false), symbol);
            }, symbol);
            return;
        }

        var reference = new OrderReference(symbol, ParameterSetName == ByIdSet ? OrderId : null, ParameterSetName == ByClientIdSet ? ClientOrderId : null);
        if (!ShouldProcess($"{reference} on {Exchange}", "Cancel the order")) return;
        RunAccount(async (a, bridge, ct) => bridge.Emit(await a.CancelOrderAsync(reference, ct).ConfigureAwait(false)), reference);
    }
}
