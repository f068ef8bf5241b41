namespace Fluxum.Diagnostics;

/// <summary>
/// The host of the operation in flight. It flows with the async call (AsyncLocal), so the transport deep down
/// reports to the cmdlet that started the call without every interface carrying a logger.
/// </summary>
public static class FxLog
{
    private static readonly AsyncLocal<IFxHost?> CurrentHost = new();

    public static IFxHost? Current => CurrentHost.Value;

    /// <summary>Makes <paramref name="host"/> current for the calling async flow until the scope is disposed.</summary>
    public static IDisposable Use(IFxHost host)
    {
        var previous = CurrentHost.Value;
        CurrentHost.Value = host;
        return new Scope(previous);
    }

    public static void Verbose(string message) => CurrentHost.Value?.Verbose(message);
    public static void Warning(string message) => CurrentHost.Value?.Warning(message);
    public static void Debug(string message) => CurrentHost.Value?.Debug(message);
    public static void Progress(FxProgress progress) => CurrentHost.Value?.Progress(progress);

    private sealed class Scope(IFxHost? previous) : IDisposable
    {
        public void Dispose() => CurrentHost.Value = previous;
    }
}
