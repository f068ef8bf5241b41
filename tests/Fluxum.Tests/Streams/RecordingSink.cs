using System.Collections.Concurrent;
using Fluxum.Streams;

namespace Fluxum.Tests.Streams;

/// <summary>A sink that keeps everything, in order, for assertions; it always has room.</summary>
internal sealed class RecordingSink : IStreamSink
{
    public ConcurrentQueue<object> Items { get; } = new();
    public ConcurrentQueue<StreamGap> Gaps { get; } = new();

    public void Publish(object item) => Items.Enqueue(item);

    public void PublishLatest(Models.ExchangeId exchange, string symbol, object item) => Items.Enqueue(item);

    public ValueTask WaitForRoomAsync(CancellationToken ct) => ValueTask.CompletedTask;

    public void ReportGap(StreamGap gap) => Gaps.Enqueue(gap);

    public List<T> Of<T>() => Items.OfType<T>().ToList();
}

/// <summary>A link that records what the protocol sends and asks for.</summary>
internal sealed class RecordingLink : Fluxum.Engine.Streams.IStreamLink
{
    public List<string> Sent { get; } = new();
    public List<string> PlannedReconnects { get; } = new();
    public Errors.FxException? Failure { get; private set; }

    public void Send(string message) => Sent.Add(message);
    public void PlanReconnect(string reason) => PlannedReconnects.Add(reason);
    public void Fail(Errors.FxException error) => Failure = error;
}

/// <summary>A host that keeps what the engine reports, for tests that check warnings and verbose lines.</summary>
internal sealed class RecordingHost : Diagnostics.IFxHost
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Verbose { get; } = new();
    public System.Collections.Concurrent.ConcurrentQueue<string> Warnings { get; } = new();

    void Diagnostics.IFxHost.Verbose(string message) => Verbose.Enqueue(message);
    public void Warning(string message) => Warnings.Enqueue(message);
    public void Debug(string message)
    {
    }

    public void Progress(Diagnostics.FxProgress progress)
    {
    }
}
