using System.Management.Automation;
using Fluxum.Errors;

namespace Fluxum.Commands.Bridge;

/// <summary>Fluxum failures as ErrorRecords: the exchange's code in the id, a real category, the target, the advice.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(FxException error, object? target)
    {
        var category = Enum.TryParse<ErrorCategory>(error.Kind.ToString(), out var c) ? c : ErrorCategory.NotSpecified;
        var record = new ErrorRecord(error, error.ErrorId, category, target);
        if (error.RecommendedAction is { } advice)
        {
            record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = advice };
        }

        return record;
    }

    public static ErrorRecord Unexpected(Exception error, object? target) =>
        new(error, "Fluxum.UnexpectedError", ErrorCategory.NotSpecified, target);

    public static ErrorRecord InvalidArgument(string id, string message, object? target) =>
        new(new ArgumentException(message), id, ErrorCategory.InvalidArgument, target);

    /// <summary>Failures that no other input can get past: stop the command instead of repeating them per object.</summary>
    public static bool IsTerminating(FxException error) =>
        error.Kind is FxErrorKind.AuthenticationError or FxErrorKind.SecurityError or FxErrorKind.NotInstalled;
}
