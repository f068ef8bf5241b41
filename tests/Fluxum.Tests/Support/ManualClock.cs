namespace Fluxum.Tests.Support;

/// <summary>A clock the test moves by hand; its Delay advances it instead of sleeping.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset start) => _now = start;

    public List<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan span) => _now += span;

    public Task Delay(TimeSpan span, CancellationToken ct)
    {
        Waits.Add(span);
        _now += span;
        return Task.CompletedTask;
    }
}
