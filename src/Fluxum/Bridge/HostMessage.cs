using System.Management.Automation;
using Fluxum.Diagnostics;
using Fluxum.Errors;

namespace Fluxum.Commands.Bridge;

internal enum HostMessageKind
{
    Error,
    Verbose,
    Warning,
    Debug,
    Progress,
}

/// <summary>
/// Something a background operation reports besides its objects (an error, verbose, warning, debug or progress
/// line), held until the pipeline thread, the only one allowed to write it, takes it.
/// </summary>
internal readonly record struct HostMessage(HostMessageKind Kind, object Value, object? Target = null)
{
    public void WriteTo(Cmdlet cmdlet)
    {
        switch (Kind)
        {
            case HostMessageKind.Error:
                cmdlet.WriteError(ErrorRecords.From((FxException)Value, Target));
                break;
            case HostMessageKind.Verbose:
                cmdlet.WriteVerbose((string)Value);
                break;
            case HostMessageKind.Warning:
                cmdlet.WriteWarning((string)Value);
                break;
            case HostMessageKind.Debug:
                cmdlet.WriteDebug((string)Value);
                break;
            case HostMessageKind.Progress:
                if (cmdlet is Cmdlets.FluxumCmdlet fluxum) fluxum.WriteThrottledProgress((FxProgress)Value);
                else cmdlet.WriteProgress(ToRecord((FxProgress)Value));
                break;
        }
    }

    internal static ProgressRecord ToRecord(FxProgress p) => new(p.ActivityId, p.Activity, string.IsNullOrEmpty(p.Status) ? "..." : p.Status)
    {
        PercentComplete = p.Completed ? 100 : Math.Clamp(p.PercentComplete, -1, 100),
        RecordType = p.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
    };
}
