namespace Fluxum.Engine.Transport;

/// <summary>The exchange's clock as seen from here: local time plus the offset last measured.</summary>
internal sealed class ServerClock
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;
}
