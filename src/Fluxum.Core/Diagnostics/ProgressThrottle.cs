using System.Diagnostics;

namespace Fluxum.Diagnostics;

/// <summary>
/// Decides which progress records of one command reach the host: at most one per <see cref="Interval"/> per
/// activity, every completion of a shown activity, and a completion for each activity still shown when the
/// command ends. Every progress render on a Unix console queries the cursor position, and a render racing Ctrl+C
/// can hang pwsh for good (PowerShell's console host); a paged read reports a page every few milliseconds, so
/// without this gate it rendered hundreds of times a second.
/// </summary>
public sealed class ProgressThrottle
{
    /// <summary>Four renders a second per activity: smooth to the eye, rare enough not to matter to the host.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Func<TimeSpan> _now;
    private readonly Dictionary<int, Shown> _shown = new();

    public ProgressThrottle()
        : this(StartClock())
    {
    }

    /// <param name="now">A monotonic clock (tests pass their own).</param>
    public ProgressThrottle(Func<TimeSpan> now) => _now = now;

    /// <summary>The record to write for <paramref name="progress"/> now, or null when it waits out the interval.</summary>
    public FxProgress? Admit(FxProgress progress)
    {
        var now = _now();
        if (progress.Completed)
        {
            // An activity never shown needs no completion: writing one would open the host's pane only to close it.
            return _shown.Remove(progress.ActivityId) ? progress : null;
        }

        if (_shown.TryGetValue(progress.ActivityId, out var shown) && now - shown.At < Interval)
        {
            _shown[progress.ActivityId] = shown with { Last = progress };
            return null;
        }

        _shown[progress.ActivityId] = new Shown(now, progress);
        return progress;
    }

    /// <summary>Completion records for the activities still shown (the command is ending); afterwards none is shown.</summary>
    public IReadOnlyList<FxProgress> CompleteAll()
    {
        var done = _shown.Values.Select(s => s.Last with { Completed = true, PercentComplete = 100 }).ToList();
        _shown.Clear();
        return done;
    }

    public bool AnyShown => _shown.Count > 0;

    private static Func<TimeSpan> StartClock()
    {
        var clock = Stopwatch.StartNew();
        return () => clock.Elapsed;
    }

    private readonly record struct Shown(TimeSpan At, FxProgress Last);
}
