using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Trading;

/// <summary>
/// How each outcome of a lost answer is reported, the same for every exchange: what was looked up, what the
/// exchange said, and that nothing was sent again.
/// </summary>
internal static class LostAnswerErrors
{
    /// <summary>The exchange, asked patiently, does not know the order: it was not placed.</summary>
    public static FxException NotPlaced(ExchangeId exchange, string what, FxException lost) =>
        new("Fluxum.OrderNotPlaced", FxErrorKind.InvalidOperation,
            $"The answer to placing {what} was lost ({lost.Message}), and {exchange} does not know it: it was not placed. Nothing was sent again.",
            exchange, lost)
        {
            RecommendedAction = "Check Get-FxOrder -Open, then place the order again if you still want it.",
        };

    /// <summary>The lookup got no answer either: the order may or may not exist.</summary>
    public static FxException OutcomeUnknown(ExchangeId exchange, string what, FxException lost, FxException lookup, string lookUpWith) =>
        new("Fluxum.OrderOutcomeUnknown", FxErrorKind.OperationTimeout,
            $"The answer to placing {what} was lost ({lost.Message}) and {exchange} could not be asked about it ({lookup.Message}). It may or may not exist; it was not sent again.",
            exchange, lost)
        {
            RecommendedAction = $"Look it up with {lookUpWith} before placing it again.",
        };

    /// <summary>The cancel's answer was lost and the order is still open: the cancel did not take effect (yet).</summary>
    public static FxException StillOpen(ExchangeId exchange, string what, string state, FxException lost) =>
        new("Fluxum.OrderStillOpen", FxErrorKind.InvalidOperation,
            $"The answer to cancelling {what} was lost ({lost.Message}), and {exchange} still shows {state}: the cancel did not take effect. It was not sent again.",
            exchange, lost)
        {
            RecommendedAction = "Run Stop-FxOrder again if you still want it cancelled.",
        };

    /// <summary>The cancel's answer was lost and the order ended otherwise (filled, expired) before the cancel.</summary>
    public static FxException NotCancelled(ExchangeId exchange, string what, string state, FxException lost) =>
        new("Fluxum.OrderNotCancelled", FxErrorKind.InvalidOperation,
            $"The answer to cancelling {what} was lost ({lost.Message}); {exchange} shows {state}, so there was nothing left to cancel. Nothing was sent again.",
            exchange, lost)
        {
            RecommendedAction = "Look at the order's fills with Get-FxOrder and Get-FxMyTrade.",
        };

    /// <summary>The cancel's answer was lost and the lookup got no answer either.</summary>
    public static FxException CancelOutcomeUnknown(ExchangeId exchange, string what, FxException lost, FxException lookup, string lookUpWith) =>
        new("Fluxum.CancelOutcomeUnknown", FxErrorKind.OperationTimeout,
            $"The answer to cancelling {what} was lost ({lost.Message}) and {exchange} could not be asked about it ({lookup.Message}). It may or may not be cancelled; the cancel was not sent again.",
            exchange, lost)
        {
            RecommendedAction = $"Look it up with {lookUpWith}.",
        };
}
