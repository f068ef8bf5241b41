namespace Fluxum.Engine.Streams;

/// <summary>Keeps control messages at least the exchange's spacing apart (Binance: 5 a second, pings included), across reconnects too.</summary>
internal sealed class Pacer(TimeSpan spacing)
{
    private long _lastTicks = Environment.TickCount64 - (long)spacing.TotalMilliseconds;

    public async ValueTask WaitTurnAsync(CancellationToken ct)
    {
        var wait = spacing.TotalMilliseconds - (Environment.TickCount64 - Interlocked.Read(ref _lastTicks));
        if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait), ct).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastTicks, Environment.TickCount64);
    }
}
