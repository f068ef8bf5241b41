using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Loading;
using Fluxum.Diagnostics;
using Fluxum.Errors;
using Fluxum.Market;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// The base of every Fluxum cmdlet: network work runs on a background task and reaches the pipeline through a
/// bounded queue drained on the pipeline thread; Ctrl+C (StopProcessing) cancels the work at once.
/// </summary>
public abstract class FluxumCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ProgressThrottle _progress = new();

    internal static IFluxumEngine Engine => EngineHost.Engine;

    protected CancellationToken StopToken => _stop.Token;

    // Only cancels: StopProcessing runs on another thread, and a progress write from there races the pipeline
    // thread inside the console host's progress pane (the Ctrl+C hang of PowerShell on Unix consoles).
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Writes a progress record if the throttle lets it through (pipeline thread only).</summary>
    internal void WriteThrottledProgress(FxProgress progress)
    {
        if (_progress.Admit(progress) is { } admitted) WriteProgress(HostMessage.ToRecord(admitted));
    }

    /// <summary>Writes an object, first taking down any progress bar (pipeline thread only; see <see cref="ProgressThrottle"/>).</summary>
    internal void Emit(object item)
    {
        foreach (var hidden in _progress.BeforeOutput()) WriteProgress(HostMessage.ToRecord(hidden));
        WriteObject(item);
    }

    /// <summary>Shows the progress that waited while objects were written, once the command is quiet (pipeline thread only).</summary>
    internal void WriteDueProgress()
    {
        foreach (var due in _progress.Due()) WriteProgress(HostMessage.ToRecord(due));
    }

    /// <summary>
    /// Takes down every progress bar this command still shows (pipeline thread only), so none outlives the command
    /// or keeps the host's progress pane up while later rows print; after Ctrl+C too, before the command returns.
    /// </summary>
    internal void CompleteProgress()
    {
        foreach (var done in _progress.CompleteAll())
        {
            try
            {
                WriteProgress(HostMessage.ToRecord(done));
            }
            catch (PipelineStoppedException)
            {
                // The host takes the pane down itself when the stopped pipeline ends.
                return;
            }
        }
    }

    /// <summary>Checks a command makes before its work starts (e.g. that its default exchange is one).</summary>
    private protected virtual void BeforeRun()
    {
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the background and writes what it produces from this thread. A failure
    /// becomes a non-terminating error on <paramref name="target"/>, except credential failures, which stop the command.
    /// </summary>
    internal void Run(Func<PipelineBridge, CancellationToken, Task> work, object? target = null, int capacity = 1024)
    {
        BeforeRun();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var bridge = new PipelineBridge(capacity, linked.Token);
        var task = Task.Run(async () =>
        {
            using (FxLog.Use(bridge))
            {
                await work(bridge, linked.Token).ConfigureAwait(false);
            }
        }, linked.Token);
        _ = task.ContinueWith(t => bridge.Complete(t.IsFaulted ? t.Exception!.GetBaseException() : null), TaskScheduler.Default);
        try
        {
            bridge.Drain(this);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped by Ctrl+C or the end of the pipeline: end quietly, the engine reports the stop.
        }
        catch (FxException e) when (!ErrorRecords.IsTerminating(e))
        {
            WriteError(ErrorRecords.From(e, target));
        }
        catch (FxException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, target));
        }
        catch (Exception e) when (e is not PipelineStoppedException and not OperationCanceledException and not PSInvalidOperationException)
        {
            WriteError(ErrorRecords.Unexpected(e, target));
        }
        finally
        {
            linked.Cancel();
            CompleteProgress();
            try
            {
                task.Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
                // Already reported through the bridge, or a cancellation we asked for.
            }
        }
    }

    /// <summary>Stops the command when -EndTime lies before -StartTime: no request could mean anything.</summary>
    protected void CheckTimeRange(DateTimeOffset? start, DateTimeOffset? end)
    {
        if (start is { } s && end is { } e && e < s)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("Fluxum.InvalidTimeRange", $"-EndTime {e:u} is before -StartTime {s:u}.", e));
        }
    }

    /// <summary>A time typed without an offset is taken as UTC, so scripts mean the same thing in every time zone.</summary>
    protected static DateTimeOffset? AsUtc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Local } t => new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero),
        { } t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
