namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// Holds back every byte a connection writes while silenced: events, close frames and the WebSocket's own pings
/// alike, which the WebSocket API cannot pause any other way. Also counts what went out.
/// </summary>
internal sealed class SilenceGate
{
    private long _silentUntilTicks;
    private long _bytesWritten;

    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public bool IsSilent => DateTime.UtcNow.Ticks < Interlocked.Read(ref _silentUntilTicks);

    public void SilenceFor(TimeSpan duration) => Interlocked.Exchange(ref _silentUntilTicks, DateTime.UtcNow.Add(duration).Ticks);

    public async ValueTask PassAsync(CancellationToken ct)
    {
        while (true)
        {
            var left = Interlocked.Read(ref _silentUntilTicks) - DateTime.UtcNow.Ticks;
            if (left <= 0) return;
            await Task.Delay(TimeSpan.FromTicks(Math.Min(left, TimeSpan.TicksPerSecond)), ct);
        }
    }

    public void Count(int bytes) => Interlocked.Add(ref _bytesWritten, bytes);
}
