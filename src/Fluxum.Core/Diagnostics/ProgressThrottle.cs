using System.Diagnostics;

namespace Fluxum.Diagnostics;

/// <summary>
/// Decides when the progress records of one command reach the host. Every progress render on a Unix console
/// queries the cursor position, and so does every line printed while a progress bar is up; one such query racing
/// Ctrl+C can hang pwsh for good (PowerShell's console host). So a bar is shown at most once per
/// <see cref="Interval"/> per activity, taken down before the next object is written (no row is ever printed
/// under it: it is up while the command waits for the exchange, when it helps), shown again with its latest
/// status when the interval allows, and completed when the command ends.
/// </summary>
public sealed class ProgressThrottle
{
    /// <summary>Four renders a second per activity at most: smooth to the eye, rare enough not to matter to the host.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Func<TimeSpan> _now;
    private readonly Dictionary<int, Activity> _activities = new();

    public ProgressThrottle()
        : this(StartClock())
    {
    }

    /// <param name="now">A monotonic clock (tests pass their own).</param>
    public ProgressThrottle(Func<TimeSpan> now) => _now = now;

    /// <summary>Whether a bar is up now.</summary>
    public bool AnyShown => _activities.Values.Any(a => a.Shown);

    /// <summary>The record to write for <paramref name="progress"/> now, or null when it waits (its latest status is kept).</summary>
    public FxProgress? Admit(FxProgress progress)
    {
        var now = _now();
        if (progress.Completed)
        {
            // An activity not on screen needs no completion: writing one would only open the host's pane to close it.
            return _activities.Remove(progress.ActivityId, out var ended) && ended.Shown ? progress : null;
        }

        var activity = _activities.GetValueOrDefault(progress.ActivityId) ?? new Activity();
        activity.Last = progress;
        _activities[progress.ActivityId] = activity;
        return Show(activity, now) ? progress : null;
    }

    /// <summary>
    /// The command is about to write an object: the completions that take every bar down first (each activity
    /// comes back with its latest status once the command is quiet again).
    /// </summary>
    public IReadOnlyList<FxProgress> BeforeOutput()
    {
        if (_activities.Count == 0) return Array.Empty<FxProgress>();
        var hidden = new List<FxProgress>();
        foreach (var a in _activities.Values.Where(a => a.Shown))
        {
            a.Shown = false;
            a.Waiting = true;
            hidden.Add(a.Last! with { Completed = true });
        }

        return hidden;
    }

    /// <summary>Records that waited out the interval and may be shown now; call it while the command waits.</summary>
    public IReadOnlyList<FxProgress> Due()
    {
        var now = _now();
        var due = new List<FxProgress>();
        foreach (var a in _activities.Values)
        {
            if (a.Waiting && Show(a, now)) due.Add(a.Last!);
        }

        return due;
    }

    /// <summary>Completion records for the activities still shown (the command is ending); afterwards none is kept.</summary>
    public IReadOnlyList<FxProgress> CompleteAll()
    {
        var done = _activities.Values.Where(a => a.Shown).Select(a => a.Last! with { Completed = true, PercentComplete = 100 }).ToList();
        _activities.Clear();
        return done;
    }

    private bool Show(Activity a, TimeSpan now)
    {
        var rested = a.ShownAt is not { } at || now - at >= Interval;
        if (!rested)
        {
            a.Waiting = true;
            return false;
        }

        a.Shown = true;
        a.Waiting = false;
        a.ShownAt = now;
        return true;
    }

    private static Func<TimeSpan> StartClock()
    {
        var clock = Stopwatch.StartNew();
        return () => clock.Elapsed;
    }

    private sealed class Activity
    {
        public FxProgress? Last { get; set; }
        public bool Shown { get; set; }
        public bool Waiting { get; set; }
        public TimeSpan? ShownAt { get; set; }
    }
}
