using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Completion;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Waits until orders end (filled, cancelled, expired or rejected) and writes each as it ended. It listens to the
/// account stream where the exchange has one, else reads the order every -PollInterval. When -Timeout passes first
/// it writes no order but the non-terminating error Fluxum.WaitTimedOut, whose target is the order as last known.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "FxOrder", DefaultParameterSetName = ByIdSet, HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Wait-FxOrder.md")]
[OutputType(typeof(Order))]
public sealed class WaitFxOrderCommand : TradingCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByClientIdSet = "ByClientId";
    private DateTimeOffset? _deadline;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string Symbol { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    public string? OrderId { get; set; }

    /// <summary>Not bound from the pipeline: a piped order carries both ids, and its exchange id decides.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByClientIdSet)]
    public string? ClientOrderId { get; set; }

    /// <summary>How long the whole command waits (a number is seconds); no limit when omitted.</summary>
    [Parameter]
    [SecondsTransformation]
    [NonNegativeTimeSpan]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Without an account stream, how often the order is read (a number is seconds); at least 1 s.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (PollInterval < OrderWaiter.MinimumPollInterval)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("Fluxum.InvalidPollInterval",
                $"-PollInterval must be at least {OrderWaiter.MinimumPollInterval.TotalSeconds:0} s (the account's rate budget is shared), not {PollInterval}.", PollInterval));
        }

        // One deadline for the command: piped orders are waited for one after another, so their waits overlap, not add up.
        _deadline = Timeout is { } limit ? DateTimeOffset.UtcNow + limit : null;
    }

    protected override void ProcessRecord()
    {
        var reference = new OrderReference(Symbol, ParameterSetName == ByIdSet ? OrderId : null, ParameterSetName == ByClientIdSet ? ClientOrderId : null);
        var (exchange, environment, deadline, poll, timeout) = (Exchange, Environment, _deadline, PollInterval, Timeout);
        var hasStream = Engine.Exchanges.FirstOrDefault(i => i.Exchange == exchange)?.Supports(ExchangeCapabilities.AccountStream) == true;
        RunAccount(async (account, bridge, ct) =>
        {
            var streams = hasStream ? Engine.GetAccountStreams(exchange, environment, account.Credential) : null;
            var result = await OrderWaiter.WaitAsync(account, streams, reference, deadline, poll, bridge.Verbose, ct).ConfigureAwait(false);
            if (!result.TimedOut)
            {
                bridge.Emit(result.Order);
                return;
            }

            bridge.Error(new FxException("Fluxum.WaitTimedOut", FxErrorKind.OperationTimeout,
                $"{reference} on {exchange} is still {result.Order.Status} ({result.Order.ExecutedQuantity} of {result.Order.Quantity} filled) after {timeout}. " +
                "The order is the error's TargetObject; it stays as it is at the exchange.", exchange)
            {
                RecommendedAction = $"Wait again (Wait-FxOrder {result.Order.NativeSymbol} {result.Order.OrderId}), or cancel it (Stop-FxOrder {result.Order.NativeSymbol} {result.Order.OrderId}).",
            }, result.Order);
        }, reference);
    }
}
