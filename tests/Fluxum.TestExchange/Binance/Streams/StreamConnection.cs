using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// One accepted WebSocket: its subscriptions, and a single send loop fed by a queue, so the pump, the depth
/// broadcasts, control answers and faults never write to the socket concurrently. A consumer too far behind is
/// dropped; a pump waits instead (backpressure) so bursts go out as fast as the socket takes them.
/// </summary>
internal sealed class StreamConnection
{
    private const int HighWater = 1024;
    private const int MaxMessageBytes = 64 * 1024;
    private readonly HttpContext _http;
    private readonly WebSocket _socket;
    private readonly Channel<Outgoing> _queue = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _cts;
    private readonly object _sync = new();
    private readonly List<Subscription> _subscriptions = new();
    private readonly int _maxQueued;
    private int _queued;
    private int _closing;
    private long _sendStartedTicks;
    private int _sendStalls;
    private long _longestSendWaitMs;

    /// <summary>A send that takes this long means the client is not reading (its TCP window and ours are full).</summary>
    private const int StallMs = 100;

    public StreamConnection(long id, HttpContext http, WebSocket socket, SilenceGate gate, bool combined, int maxQueued, CancellationToken stopping)
    {
        Id = id;
        _http = http;
        _socket = socket;
        Gate = gate;
        Combined = combined;
        _maxQueued = maxQueued;
        Path = http.Request.Path.Value ?? "";
        _cts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
    }

    public long Id { get; }
    public string Path { get; }
    public SilenceGate Gate { get; }
    public DateTimeOffset OpenedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Combined payloads ({"stream":..,"data":..}): /stream connections, or set with SET_PROPERTY.</summary>
    public bool Combined { get; set; }

    public CancellationToken Closed => _cts.Token;

    public IReadOnlyList<Subscription> Subscriptions
    {
        get
        {
            lock (_sync) return _subscriptions.ToList();
        }
    }

    public int SubscriptionCount
    {
        get
        {
            lock (_sync) return _subscriptions.Count;
        }
    }

    public Subscription? Find(string name)
    {
        lock (_sync) return _subscriptions.FirstOrDefault(s => s.Name == name);
    }

    /// <summary>Adds the subscription unless one of that name exists; subscription order is kept, as LIST_SUBSCRIPTIONS shows it.</summary>
    public bool Add(Subscription subscription)
    {
        lock (_sync)
        {
            if (_subscriptions.Any(s => s.Name == subscription.Name)) return false;
            _subscriptions.Add(subscription);
            return true;
        }
    }

    public bool Remove(string name)
    {
        lock (_sync) return _subscriptions.RemoveAll(s => s.Name == name) > 0;
    }

    public bool Matches(StreamFault fault)
    {
        if (fault.Path is { } p && !Path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) return false;
        if (fault.Stream is not { } stream) return true;
        lock (_sync) return _subscriptions.Any(s => s.Name.Contains(stream, StringComparison.OrdinalIgnoreCase));
    }

    public StreamConnectionInfo Info()
    {
        lock (_sync)
        {
            return new StreamConnectionInfo(Id, Path, Combined, _subscriptions.Select(s => s.Name).ToList(), OpenedAt, Gate.BytesWritten, Gate.IsSilent,
                SendStalls, LongestSendWait);
        }
    }

    /// <summary>The close status the client sent; null while none came (an aborted socket never sends one).</summary>
    public WebSocketCloseStatus? ClientCloseStatus { get; private set; }

    /// <summary>True when the server dropped the connection because its client stopped reading.</summary>
    public bool DroppedAsSlowReader { get; private set; }

    public int SendStalls => Volatile.Read(ref _sendStalls);

    public TimeSpan LongestSendWait => TimeSpan.FromMilliseconds(Interlocked.Read(ref _longestSendWaitMs));

    public ClosedStreamConnection Ended() => new(Id, Path, ClientCloseStatus, DroppedAsSlowReader, SendStalls, LongestSendWait);

    /// <summary>Drops the connection when one send has waited past the slow-reader timeout (called now and then).</summary>
    public void CheckSlowReader(TimeSpan timeout)
    {
        var started = Interlocked.Read(ref _sendStartedTicks);
        if (started == 0 || Environment.TickCount64 - started < timeout.TotalMilliseconds) return;
        DroppedAsSlowReader = true;
        Abort();
    }

    /// <summary>The event as this connection carries it: bare, or wrapped with its stream name.</summary>
    public byte[] Frame(string stream, byte[] data)
    {
        if (!Combined) return data;
        var head = Encoding.UTF8.GetBytes("{\"stream\":\"" + stream + "\",\"data\":");
        var frame = new byte[head.Length + data.Length + 1];
        head.CopyTo(frame, 0);
        data.CopyTo(frame, head.Length);
        frame[^1] = (byte)'}';
        return frame;
    }

    /// <summary>Queues a text frame without waiting; a connection that has fallen too far behind is dropped.</summary>
    public bool Enqueue(byte[] text)
    {
        if (Volatile.Read(ref _closing) != 0) return false;
        if (Interlocked.Increment(ref _queued) > _maxQueued)
        {
            Abort();
            return false;
        }

        return _queue.Writer.TryWrite(new Outgoing(text, null, null));
    }

    /// <summary>Queues a text frame once the queue is short enough: the pump's pace follows the socket's.</summary>
    public async ValueTask<bool> SendAsync(byte[] text)
    {
        while (Volatile.Read(ref _queued) > HighWater)
        {
            if (_cts.IsCancellationRequested) return false;
            await Task.Delay(1);
        }

        return Enqueue(text);
    }

    /// <summary>Sends a close frame after what is queued; the client has a few seconds to answer before the socket is aborted.</summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0) return;
        _queue.Writer.TryWrite(new Outgoing(null, status, reason));
        _queue.Writer.TryComplete();
        _ = Task.Delay(TimeSpan.FromSeconds(5)).ContinueWith(_ =>
        {
            if (_socket.State != WebSocketState.Closed) Abort();
        }, TaskScheduler.Default);
    }

    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _queue.Writer.TryComplete();
        try
        {
            _cts.Cancel();
            _http.Abort();
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Runs the connection until it closes: the send loop, and the receive loop handing each text message over.</summary>
    public async Task RunAsync(Func<ReadOnlyMemory<byte>, ValueTask> onMessage, int? messagesPerSecond, TimeSpan? slowReaderTimeout = null)
    {
        using var slowReaders = slowReaderTimeout is { } t
            ? new Timer(_ => CheckSlowReader(t), null, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50))
            : null;
        var sending = SendLoopAsync();
        try
        {
            await ReceiveLoopAsync(onMessage, messagesPerSecond);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client went away or the connection was dropped on purpose.
        }
        finally
        {
            Interlocked.Exchange(ref _closing, 1);
            _queue.Writer.TryComplete();
            await sending;
            _cts.Cancel();
            _cts.Dispose();
        }
    }

    private async Task ReceiveLoopAsync(Func<ReadOnlyMemory<byte>, ValueTask> onMessage, int? messagesPerSecond)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        var arrivals = new Queue<long>();
        while (!_cts.IsCancellationRequested)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _cts.Token);
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxMessageBytes)
                {
                    Close(WebSocketCloseStatus.MessageTooBig, "Message too big");
                    return;
                }
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClientCloseStatus = _socket.CloseStatus;
                Close(WebSocketCloseStatus.NormalClosure, "");
                return;
            }

            if (messagesPerSecond is { } limit)
            {
                // Binance counts every incoming message in a sliding second and disconnects past the limit.
                var now = Environment.TickCount64;
                arrivals.Enqueue(now);
                while (arrivals.Peek() <= now - 1000) arrivals.Dequeue();
                if (arrivals.Count > limit)
                {
                    Close(WebSocketCloseStatus.PolicyViolation, "Too many requests");
                    return;
                }
            }

            if (Volatile.Read(ref _closing) == 0) await onMessage(buffer.WrittenMemory);
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var frame in _queue.Reader.ReadAllAsync(_cts.Token))
            {
                Interlocked.Decrement(ref _queued);
                if (frame.Text is { } text)
                {
                    var started = Environment.TickCount64;
                    Interlocked.Exchange(ref _sendStartedTicks, started);
                    await _socket.SendAsync(text, WebSocketMessageType.Text, true, _cts.Token);
                    Interlocked.Exchange(ref _sendStartedTicks, 0);
                    var waited = Environment.TickCount64 - started;
                    if (waited >= StallMs)
                    {
                        Interlocked.Increment(ref _sendStalls);
                        if (waited > Interlocked.Read(ref _longestSendWaitMs)) Interlocked.Exchange(ref _longestSendWaitMs, waited);
                    }

                    continue;
                }

                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(frame.Status!.Value, frame.Reason, _cts.Token);
                }

                return;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Nothing more can be sent; the receive loop ends with the connection.
        }
    }

    private readonly record struct Outgoing(byte[]? Text, WebSocketCloseStatus? Status, string? Reason);
}
