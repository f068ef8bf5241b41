namespace Fluxum.Diagnostics;

/// <summary>
/// Where Core and Engine report what they are doing. The cmdlet layer implements it with a queue that the
/// pipeline thread drains, so code on any thread may call it (PowerShell's Write* may not be called off-thread).
/// </summary>
public interface IFxHost
{
    void Verbose(string message);
    void Warning(string message);
    void Debug(string message);
    void Progress(FxProgress progress);
}

/// <summary>A progress report for a long operation; PercentComplete -1 means unknown, Completed closes the bar.</summary>
public sealed record FxProgress(int ActivityId, string Activity, string Status, int PercentComplete, bool Completed = false);
