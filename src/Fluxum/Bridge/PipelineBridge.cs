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
    private static readonly TimeSpan IdleCheck = ProgressThrottle.Interval;

    private readonly BlockingCollection<Entry> _queue;
    private readonly CancellationToken _ct;

    public PipelineBridge(int capacity, CancellationToken ct)
    {
        _queue = new BlockingCollection<Entry>(capacity);
        _ct = ct;
    }

    public void Emit(object item) => Add(new Entry(EntryKind.Output, item));
    public void Error(FxException error, object? target) => Add(HostMessageKind.Error, error, target);
    public void Verbose(string message) => Add(HostMessageKind.Verbose, message);
    public void Warning(string message) => Add(HostMessageKind.Warning, message);
    public void Debug(string message) => Add(HostMessageKind.Debug, message);
    public void Progress(FxProgress progress) => Add(HostMessageKind.Progress, progress);

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
        while (!_queue.IsCompleted)
        {
            if (!_queue.TryTake(out var entry, (int)IdleCheck.TotalMilliseconds, _ct))
            {
                // Quiet for a moment: progress held back while objects were being written may show now.
                if (!_queue.IsCompleted) cmdlet.WriteDueProgress();
                continue;
            }

            switch (entry.Kind)
            {
                case EntryKind.Output:
                    cmdlet.Emit(entry.Value);
                    break;
                case EntryKind.Message:
                    ((HostMessage)entry.Value).WriteTo(cmdlet);
                    break;
                case EntryKind.Failure:
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture((Exception)entry.Value).Throw();
                    break;
            }
        }
    }

    private void Add(HostMessageKind kind, object value, object? target = null) =>
        Add(new Entry(EntryKind.Message, new HostMessage(kind, value, target)));

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
        Message,
        Failure,
    }

    private readonly record struct Entry(EntryKind Kind, object Value);
}
