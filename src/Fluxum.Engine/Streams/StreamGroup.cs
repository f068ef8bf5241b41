namespace Fluxum.Engine.Streams;

/// <summary>Runs several connections of one stream command together: when one gives up, the others stop too.</summary>
internal static class StreamGroup
{
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> connections, CancellationToken ct)
    {
        using var all = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = connections.Select(run => Task.Run(() => run(all.Token), CancellationToken.None)).ToList();
        var pending = new List<Task>(tasks);
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            if (done.IsFaulted)
            {
                all.Cancel();
                await Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
                await done.ConfigureAwait(false);
            }
        }
    }
}
