using System.Collections.Concurrent;
using System.Management.Automation;
using Fluxum.Commands.Cmdlets;
using Fluxum.Diagnostics;
using Fluxum.Errors;

namespace Fluxum.Commands.Bridge;

/// <summary>
/// Carries everything a background operation produces (objects, errors, verbose, warnings, progress) to the
/// pipeline thread, the only thread allowed to call Write*. The queue is bounded: a slow pipeline slows the
/// producer instead of growing memory.
/// </summary>
internal sealed class PipelineBridge : IFxHost
{
    private readonly BlockingCollection<Entry> _queue;
    private readonly CancellationToken _ct;

    public PipelineBridge(int capacity, CancellationToken ct)
    {
        _queue = new BlockingCollection<Entry>(capacity);
        _ct = ct;
    }

    public void Emit(object item) => Add(new Entry(EntryKind.Output, item));
    public void Error(FxException error, object? target) => Add(new Entry(EntryKind.Error, error, target));
    public void Verbose(string message) => Add(new Entry(EntryKind.Verbose, message));
    public void Warning(string message) => Add(new Entry(EntryKind.Warning, message));
    public void Debug(string message) => Add(new Entry(EntryKind.Debug, message));
    public void Progress(FxProgress progress) => Add(new Entry(EntryKind.Progress, progress));

    /// <summary>Ends the stream; a failure is handed to the pipeline thread to report.</summary>
    public void Complete(Exception? failure)
    {
        if (failure is not null)
        {
            try
            {
                _queue.Add(new Entry(EntryKind.Failure, failure));
            }
            catch (InvalidOperationException)
            {
            }
        }

        // The queue is never disposed: a producer finishing late may still complete it safely.
        _queue.CompleteAdding();
    }

    /// <summary>Writes entries on the calling (pipeline) thread until the producer completes; rethrows its failure.</summary>
    public void Drain(FluxumCmdlet cmdlet)
    {
        foreach (var entry in _queue.GetConsumingEnumerable(_ct))
        {
            switch (entry.Kind)
            {
                case EntryKind.Output:
                    cmdlet.WriteObject(entry.Value);
                    break;
                case EntryKind.Error:
                    cmdlet.WriteError(ErrorRecords.From((FxException)entry.Value, entry.Target));
                    break;
                case EntryKind.Verbose:
                    cmdlet.WriteVerbose((string)entry.Value);
                    break;
                case EntryKind.Warning:
                    cmdlet.WriteWarning((string)entry.Value);
                    break;
                case EntryKind.Debug:
                    cmdlet.WriteDebug((string)entry.Value);
                    break;
                case EntryKind.Progress:
                    cmdlet.WriteProgress(ToRecord((FxProgress)entry.Value));
                    break;
                case EntryKind.Failure:
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture((Exception)entry.Value).Throw();
                    break;
            }
        }
    }

    internal static ProgressRecord ToRecord(FxProgress p) => new(p.ActivityId, p.Activity, string.IsNullOrEmpty(p.Status) ? "..." : p.Status)
    {
        PercentComplete = p.Completed ? 100 : Math.Clamp(p.PercentComplete, -1, 100),
        RecordType = p.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
    };

    private void Add(Entry entry)
    {
        try
        {
            _queue.Add(entry, _ct);
        }
        catch (InvalidOperationException)
        {
            // Completed already (the consumer stopped): nothing is listening any more.
        }
    }

    private enum EntryKind
    {
        Output,
        Error,
        Verbose,
        Warning,
        Debug,
        Progress,
        Failure,
    }

    private readonly record struct Entry(EntryKind Kind, object Value, object? Target = null);
}
