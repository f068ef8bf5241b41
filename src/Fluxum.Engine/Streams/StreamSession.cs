using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Fluxum.Diagnostics;
using Fluxum.Errors;
using Fluxum.Models;
using Websocket.Client;

namespace Fluxum.Engine.Streams;

/// <summary>
/// One WebSocket connection of any exchange, on Websocket.Client: it reconnects with exponential backoff and
/// jitter, calls the protocol to resubscribe after every connect, treats silence past the stale timeout as a
/// dead connection, reconnects on its own before the exchange's connection lifetime runs out, paces control
/// messages to the exchange's rate, and opens its circuit (ends with an error) after too many failures in a row.
/// </summary>
internal sealed class StreamSession : IStreamLink, IAsyncDisposable
{
    private readonly ExchangeId _exchange;
    private readonly Uri _url;
    private readonly IStreamProtocol _protocol;
    private readonly StreamOptions _options;
    private readonly IFxHost? _host;
    private readonly WebsocketClient _client;
    private readonly Channel<(int Generation, string Message)> _outbox = Channel.CreateUnbounded<(int, string)>(new() { SingleReader = true });
    private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IDisposable> _subscriptions = new();
    private readonly object _frameGate = new();
    private Timer? _lifetimeTimer;
    private Timer? _keepAliveTimer;
    private int _generation;
    private int _failures;
    private volatile bool _planned;
    private long _lastActivityTicks = Environment.TickCount64;

    public StreamSession(ExchangeId exchange, Uri url, IStreamProtocol protocol, StreamOptions options)
    {
        _exchange = exchange;
        _url = url;
        _protocol = protocol;
        _options = options;
        _host = FxLog.Current;
        _client = new WebsocketClient(url, () => new ClientWebSocket { Options = { KeepAliveInterval = TimeSpan.FromSeconds(20) } })
        {
            Name = exchange.ToString(),
            ReconnectTimeout = options.StaleTimeout,
            ErrorReconnectTimeout = options.RetryBase,
            LostReconnectTimeout = TimeSpan.Zero,
            IsReconnectionEnabled = true,

            // Frames stay UTF-8 bytes: the parsers read bytes, a string per frame would be garbage for nothing.
            IsTextMessageConversionEnabled = false,
        };
    }

    /// <summary>Connections made, the first included.</summary>
    public int Connections { get; private set; }

    /// <summary>Connects and runs until <paramref name="ct"/> is cancelled, or fails when the circuit opens or the protocol gives up.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        _subscriptions.Add(_client.ReconnectionHappened.Subscribe(OnConnected));
        _subscriptions.Add(_client.DisconnectionHappened.Subscribe(OnDisconnected));
        _subscriptions.Add(_client.MessageReceived.Subscribe(OnMessage));
        _keepAliveTimer = new Timer(_ => KeepAlive(), null, _options.KeepAliveInterval, _options.KeepAliveInterval);
        var sender = Task.Run(() => SendLoopAsync(_stopping.Token));
        using var registration = ct.Register(() => _stopping.Cancel());

        // Not awaited: while the first connection keeps failing, Start waits out the retry delays, and a stop
        // must not wait with it. Disposing the client ends those waits.
        var started = _client.Start();
        try
        {
            await _failed.Task.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by the caller: the normal end of a stream.
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
            await sender.ConfigureAwait(false);
            await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        }
    }

    public void Send(string message)
    {
        _outbox.Writer.TryWrite((Volatile.Read(ref _generation), message));
    }

    public void PlanReconnect(string reason)
    {
        if (_stopping.IsCancellationRequested || _planned) return;
        _planned = true;
        Verbose($"reconnecting as planned: {reason}.");
        _ = Task.Run(() => _client.Reconnect());
    }

    public void Fail(FxException error)
    {
        _failed.TrySetException(error);
    }

    private void OnConnected(ReconnectionInfo info)
    {
        if (_stopping.IsCancellationRequested) return;
        var kind = info.Type == ReconnectionType.Initial ? ConnectKind.Initial : _planned ? ConnectKind.Planned : ConnectKind.Recovered;
        _planned = false;
        Connections++;
        Interlocked.Increment(ref _generation);
        Touch();
        _lifetimeTimer?.Dispose();
        if (_options.Lifetime is { } lifetime)
        {
            _lifetimeTimer = new Timer(_ => PlanReconnect("the connection reached its lifetime"), null, lifetime, Timeout.InfiniteTimeSpan);
        }

        Verbose(kind switch
        {
            ConnectKind.Initial => $"connected to {_url.GetLeftPart(UriPartial.Path)}.",
            ConnectKind.Planned => "reconnected (planned); subscribing again.",
            _ => $"reconnected after {info.Type}; subscribing again.",
        });
        lock (_frameGate)
        {
            _protocol.OnConnected(this, kind);
        }
    }

    private void OnDisconnected(DisconnectionInfo info)
    {
        if (_stopping.IsCancellationRequested || info.Type == DisconnectionType.Exit) return;
        if (_planned && info.Type != DisconnectionType.Error)
        {
            // The planned close itself: reconnect at once, it is no failure.
            SetRetryDelay(TimeSpan.Zero);
            return;
        }

        // A planned reconnect whose new connection failed is a failure like any other: backoff and breaker apply.
        _planned = false;

        // Every frame resets the count: only failures in a row, with nothing received between them, open the circuit.
        var failures = Interlocked.Increment(ref _failures);
        var reason = info.Exception?.Message ?? info.CloseStatusDescription ?? info.Type.ToString();
        if (failures >= _options.MaxFailures)
        {
            info.CancelReconnection = true;
            Fail(new FxException("Fluxum.StreamCircuitOpen", FxErrorKind.ConnectionError,
                $"{_exchange} stream gave up after {failures} failed connections in a row to {_url.GetLeftPart(UriPartial.Path)}; the last: {reason}.",
                _exchange));
            return;
        }

        var delay = _options.RetryDelay(failures);
        SetRetryDelay(delay);
        _host?.Warning($"{_exchange} stream: connection lost ({info.Type}: {reason}); reconnecting in {delay.TotalSeconds:0.0} s (failure {failures} of at most {_options.MaxFailures}). Events in between are missed; books resync.");
    }

    private void SetRetryDelay(TimeSpan delay)
    {
        // Websocket.Client reads these after raising the disconnection, so they shape this very retry.
        _client.ErrorReconnectTimeout = delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : delay;
        _client.LostReconnectTimeout = delay;
    }

    private void OnMessage(ResponseMessage message)
    {
        if (_stopping.IsCancellationRequested) return;
        Touch();
        _failures = 0;
        ReadOnlyMemory<byte> frame = message.Binary ?? (message.Text is { } text ? Encoding.UTF8.GetBytes(text) : default);
        if (frame.IsEmpty) return;
        try
        {
            lock (_frameGate)
            {
                _protocol.OnFrame(frame);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var preview = Encoding.UTF8.GetString(frame.Span[..Math.Min(frame.Length, 120)]);
            Verbose($"skipped a frame it could not read ({e.GetType().Name}: {e.Message}): {preview}");
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        var last = 0L;
        try
        {
            await foreach (var (generation, message) in _outbox.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                // Messages meant for a connection that has since dropped would be sent twice: OnConnected queues them anew.
                if (generation != Volatile.Read(ref _generation)) continue;
                var wait = _options.MessageSpacing.TotalMilliseconds - (Environment.TickCount64 - last);
                if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait), ct).ConfigureAwait(false);
                if (generation != Volatile.Read(ref _generation)) continue;
                _client.Send(message);
                last = Environment.TickCount64;
                Touch();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void KeepAlive()
    {
        if (_stopping.IsCancellationRequested || !_client.IsRunning) return;
        if (Environment.TickCount64 - Interlocked.Read(ref _lastActivityTicks) < _options.KeepAliveInterval.TotalMilliseconds / 2) return;
        if (_protocol.KeepAliveMessage() is { } ping) Send(ping);
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivityTicks, Environment.TickCount64);

    private void Verbose(string message) => _host?.Verbose($"{_exchange} stream: {message}");

    public ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested) _stopping.Cancel();
        _outbox.Writer.TryComplete();
        _lifetimeTimer?.Dispose();
        _keepAliveTimer?.Dispose();
        foreach (var s in _subscriptions) s.Dispose();
        _subscriptions.Clear();

        // Dispose aborts the socket at once: a stopped pipeline must not wait for a close handshake.
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
