using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Fluxum.Streams;

namespace Fluxum.Engine.Streams;

/// <summary>
/// One open connection of a <see cref="StreamSession"/>: an async receive loop that reads a message only when the
/// sink has room (so a slow reader stops the socket being read, and no thread is parked meanwhile), a send loop
/// that paces control messages, and a watchdog for staleness, keep-alive and lifetime. It runs until something
/// ends it (<see cref="End"/>), then closes normally (1000, bounded by the close timeout) or aborts a dead socket.
/// ClientWebSocket answers the exchange's ping frames itself while a receive is pending.
/// </summary>
internal sealed class LiveSocket : IDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly StreamOptions _options;
    private readonly IStreamSink _room;
    private readonly Action<ReadOnlyMemory<byte>, WebSocketMessageType> _onMessage;
    private readonly Func<string?> _keepAlive;
    private readonly Action _lifetimeReached;
    private readonly Pacer _pacer;
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<ConnectionEnd> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopWaiting = new();
    private readonly long _openedTicks = Environment.TickCount64;
    private long _lastFrameTicks = Environment.TickCount64;
    private long _lastActivityTicks = Environment.TickCount64;
    private long _lastKeepAliveTicks = Environment.TickCount64;
    private volatile bool _paused;
    private volatile bool _closing;
    private long _lastPauseEndTicks;

    /// <param name="onMessage">Called for every message read, on the receive loop.</param>
    /// <param name="keepAlive">The protocol's application ping, or null.</param>
    /// <param name="lifetimeReached">Called once the connection is as old as the options' lifetime (it plans the reconnect).</param>
    public LiveSocket(ClientWebSocket socket, StreamOptions options, IStreamSink room, Action<ReadOnlyMemory<byte>, WebSocketMessageType> onMessage,
        Func<string?> keepAlive, Pacer pacer, Action lifetimeReached)
    {
        _lifetimeReached = lifetimeReached;
        _socket = socket;
        _options = options;
        _room = room;
        _onMessage = onMessage;
        _keepAlive = keepAlive;
        _pacer = pacer;
    }

    /// <summary>True while reading is paused because the sink is full (the exchange may drop a reader that pauses too long).</summary>
    public bool Paused => _paused;

    /// <summary>
    /// True when the connection broke during a pause or was found broken on the first read after one: a socket
    /// that is not read cannot notice it was dropped until it reads again.
    /// </summary>
    public bool LostWhilePaused { get; private set; }

    public void Send(string message) => _outbox.Writer.TryWrite(message);

    /// <summary>Ends the connection; the first reason wins.</summary>
    public bool End(ConnectionEnd end) => _end.TrySetResult(end);

    public async Task<ConnectionEnd> RunAsync(CancellationToken stop)
    {
        using var stopping = stop.Register(() => End(ConnectionEnd.Stopped));
        var receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        var sending = Task.Run(SendLoopAsync, CancellationToken.None);
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(Math.Min(_options.StaleTimeout.TotalMilliseconds, _options.KeepAliveInterval.TotalMilliseconds) / 4, 10, 1000));
        using var watchdog = new Timer(_ => Watch(), null, tick, tick);

        var end = await _end.Task.ConfigureAwait(false);
        _closing = true;
        _outbox.Writer.TryComplete();
        await _stopWaiting.CancelAsync().ConfigureAwait(false);
        if (end.ClosesNormally) await CloseNormallyAsync(receiving).ConfigureAwait(false);
        else _socket.Abort();

        await Task.WhenAll(receiving, sending).ConfigureAwait(false);
        return end;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                if (!_closing) await WaitForRoomAsync().ConfigureAwait(false);
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    // No token: cancelling a receive aborts the socket, and a stop must close it normally instead.
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), CancellationToken.None).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    NoteLoss();
                    var status = _socket.CloseStatus is { } s ? $"{(int)s} {_socket.CloseStatusDescription}".TrimEnd() : "no status";
                    End(new ConnectionEnd(ConnectionEndKind.Lost, $"the exchange closed the connection ({status})"));
                    return;
                }

                if (_closing) continue;
                var now = Environment.TickCount64;
                Interlocked.Exchange(ref _lastFrameTicks, now);
                Interlocked.Exchange(ref _lastActivityTicks, now);
                _onMessage(buffer.WrittenMemory, result.MessageType);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            NoteLoss();
            End(new ConnectionEnd(ConnectionEndKind.Lost, e.InnerException?.Message ?? e.Message));
        }
    }

    /// <summary>Back-pressure: a full sink means this socket is not read until the reader catches up.</summary>
    private async ValueTask WaitForRoomAsync()
    {
        var room = _room.WaitForRoomAsync(_stopWaiting.Token);
        if (room.IsCompleted)
        {
            await room.ConfigureAwait(false);
            return;
        }

        _paused = true;
        try
        {
            await room.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Closing: what is still on the wire is read and discarded until the close frame.
        }
        finally
        {
            // The silence while paused was ours: the stale watchdog starts counting afresh.
            Interlocked.Exchange(ref _lastFrameTicks, Environment.TickCount64);
            Interlocked.Exchange(ref _lastPauseEndTicks, Environment.TickCount64);
            _paused = false;
        }
    }

    /// <summary>A socket that is not read notices only on its next reads that the exchange dropped it: a pause just before counts.</summary>
    private void NoteLoss()
    {
        if (_closing) return;
        var sincePause = Environment.TickCount64 - Interlocked.Read(ref _lastPauseEndTicks);
        if (_paused || (Interlocked.Read(ref _lastPauseEndTicks) != 0 && sincePause < Math.Max(5000, _options.StaleTimeout.TotalMilliseconds))) LostWhilePaused = true;
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await _pacer.WaitTurnAsync(_stopWaiting.Token).ConfigureAwait(false);
                if (_closing) return;
                await _sendLock.WaitAsync().ConfigureAwait(false);
                try
                {
                    await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }

                Interlocked.Exchange(ref _lastActivityTicks, Environment.TickCount64);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The receive loop notices a broken socket; a stop needs nothing more from here.
        }
    }

    private void Watch()
    {
        if (_closing) return;
        var now = Environment.TickCount64;
        if (_options.Lifetime is { } lifetime && now - _openedTicks >= lifetime.TotalMilliseconds)
        {
            _lifetimeReached();
            return;
        }

        if (_paused) return;
        if (now - Interlocked.Read(ref _lastFrameTicks) > _options.StaleTimeout.TotalMilliseconds)
        {
            End(new ConnectionEnd(ConnectionEndKind.Lost, $"no message for {_options.StaleTimeout.TotalSeconds:0.#} s"));
            return;
        }

        var interval = _options.KeepAliveInterval.TotalMilliseconds;
        if (now - _lastKeepAliveTicks < interval || now - Interlocked.Read(ref _lastActivityTicks) < interval / 2) return;
        _lastKeepAliveTicks = now;
        if (_keepAlive() is { } ping) Send(ping);
    }

    /// <summary>Sends the close frame (1000) and reads on, discarding, until the exchange's answers it; aborts past the close timeout.</summary>
    private async Task CloseNormallyAsync(Task receiving)
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout);
        try
        {
            if (await _sendLock.WaitAsync(_options.CloseTimeout).ConfigureAwait(false))
            {
                try
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
                    }
                }
                finally
                {
                    _sendLock.Release();
                }
            }

            await receiving.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException or IOException)
        {
            // Too slow or already broken: the abort below ends it.
        }

        if (_socket.State != WebSocketState.Closed) _socket.Abort();
    }

    public void Dispose()
    {
        _socket.Dispose();
        _stopWaiting.Dispose();
    }
}
