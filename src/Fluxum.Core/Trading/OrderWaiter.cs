using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Trading;

/// <summary>
/// Waits until an order ends (filled, cancelled, expired or rejected) or a deadline passes. It listens to the
/// account stream where the exchange has one (and reads the order once at the start, once more on a gap in the
/// stream, and every <see cref="StreamCheckInterval"/> as a safety net); otherwise it polls the order, never more
/// often than once a second. Requests go through the exchange's own rate gates like any other.
/// </summary>
public static class OrderWaiter
{
    /// <summary>The shortest poll interval: a wait must never crowd out the account's other requests.</summary>
    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>With a live stream, how often the order is still read, in case an update was missed without a reported gap.</summary>
    public static readonly TimeSpan StreamCheckInterval = TimeSpan.FromSeconds(30);

    public static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Rejected or OrderStatus.Expired or OrderStatus.ExpiredInMatch;

    /// <param name="streams">The account stream, or null to poll.</param>
    /// <param name="deadline">When to give up (UTC); null waits until the order ends or <paramref name="ct"/> is cancelled.</param>
    /// <param name="log">Gets a line for -Verbose: which way it waits, and why it changed.</param>
    public static async Task<OrderWaitResult> WaitAsync(ITrading account, IAccountStreams? streams, OrderReference reference,
        DateTimeOffset? deadline, TimeSpan pollInterval, Action<string>? log, CancellationToken ct)
    {
        var interval = pollInterval < MinimumPollInterval ? MinimumPollInterval : pollInterval;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sink = new OrderUpdateSink();
        Task? stream = null;
        if (streams is not null)
        {
            // Listening starts before the first read, so an update between the two cannot be missed.
            stream = Task.Run(() => streams.WatchAsync(sink, stop.Token), CancellationToken.None);
        }

        try
        {
            var order = await account.GetOrderAsync(reference, ct).ConfigureAwait(false);
            log?.Invoke(stream is null
                ? $"Waiting for {reference} ({order.Status}): reading it every {interval.TotalSeconds:0.#} s."
                : $"Waiting for {reference} ({order.Status}) on the account stream.");
            var toldFault = false;
            while (!IsFinal(order.Status))
            {
                var now = DateTimeOffset.UtcNow;
                if (deadline is { } d && now >= d) return new OrderWaitResult(order, TimedOut: true);
                var listening = stream is not null && !stream.IsCompleted;
                var pause = listening ? StreamCheckInterval : interval;
                if (deadline is { } end && end - now < pause) pause = end - now;

                if (await sink.WaitAsync(order, pause, ct).ConfigureAwait(false) is { } update)
                {
                    order = update;
                    continue;
                }

                // The pause ran out (a poll tick, the stream's safety check, the deadline) or the stream reported a
                // gap: the exchange's own answer decides.
                sink.TakeGap();
                if (stream is { IsCompleted: true } && !toldFault && streams is not null)
                {
                    toldFault = true;
                    log?.Invoke($"The account stream ended ({stream.Exception?.GetBaseException().Message ?? "closed"}); reading {reference} every {interval.TotalSeconds:0.#} s instead.");
                }

                order = await ReadAsync(account, reference, order, ct).ConfigureAwait(false);
            }

            return new OrderWaitResult(order, TimedOut: false);
        }
        finally
        {
            stop.Cancel();
            if (stream is not null)
            {
                try
                {
                    await stream.ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or FxException or System.Net.WebSockets.WebSocketException)
                {
                    // The stream was only a faster way to hear of the order; its end is not the wait's result.
                }
            }
        }
    }

    /// <summary>A read that fails transiently keeps the last known order: the wait goes on, the next tick asks again.</summary>
    private static async Task<Order> ReadAsync(ITrading account, OrderReference reference, Order last, CancellationToken ct)
    {
        try
        {
            return await account.GetOrderAsync(reference with { OrderId = last.OrderId.Length > 0 ? last.OrderId : reference.OrderId }, ct).ConfigureAwait(false);
        }
        catch (FxException e) when (e.Kind is FxErrorKind.ConnectionError or FxErrorKind.OperationTimeout or FxErrorKind.ResourceUnavailable)
        {
            return last;
        }
    }

    /// <summary>Keeps only the latest update of the order waited for; the account's other events are not this wait's business.</summary>
    private sealed class OrderUpdateSink : IStreamSink
    {
        private readonly object _sync = new();
        private readonly List<Order> _updates = new();
        private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _gap;

        public void Publish(object item)
        {
            if (item is not Order o) return;
            lock (_sync)
            {
                _updates.Add(o);
                _signal.TrySetResult();
            }
        }

        public void PublishLatest(ExchangeId exchange, string symbol, object item) => Publish(item);

        public ValueTask WaitForRoomAsync(CancellationToken ct) => ValueTask.CompletedTask;

        public void ReportGap(StreamGap gap)
        {
            lock (_sync)
            {
                _gap = true;
                _signal.TrySetResult();
            }
        }

        public bool TakeGap()
        {
            lock (_sync)
            {
                var had = _gap;
                _gap = false;
                return had;
            }
        }

        /// <summary>The newest update of <paramref name="current"/>'s order within <paramref name="pause"/>; null when the pause ran out (or a gap came).</summary>
        public async Task<Order?> WaitAsync(Order current, TimeSpan pause, CancellationToken ct)
        {
            var until = DateTimeOffset.UtcNow + pause;
            while (true)
            {
                Task signal;
                lock (_sync)
                {
                    var mine = _updates.LastOrDefault(u => Same(u, current));
                    _updates.Clear();
                    if (mine is not null) return mine;
                    if (_gap) return null;
                    if (_signal.Task.IsCompleted) _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    signal = _signal.Task;
                }

                var left = until - DateTimeOffset.UtcNow;
                if (left <= TimeSpan.Zero) return null;
                var done = await Task.WhenAny(signal, Task.Delay(left, ct)).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
                if (done != signal) return null;
            }
        }

        private static bool Same(Order update, Order current) =>
            update.OrderId.Length > 0
                ? update.OrderId == current.OrderId && (update.NativeSymbol.Length == 0 || update.NativeSymbol == current.NativeSymbol)
                : update.ClientOrderId == current.ClientOrderId;
    }
}

/// <summary>How a wait ended: the order as last known, and whether the deadline came first.</summary>
public sealed record OrderWaitResult(Order Order, bool TimedOut);
