using System.Net.WebSockets;
using System.Text;
using Fluxum.Diagnostics;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Streams;

/// <summary>
/// The WebSocket session of every exchange, on System.Net.WebSockets.ClientWebSocket: it connects, calls the
/// protocol to subscribe after every connect, reads frames through a pluggable decoder only while the sink has
/// room (back-pressure: a full sink stops the socket being read), treats silence past the stale timeout as a dead
/// connection (but not its own pauses), reconnects with exponential backoff and jitter, replaces a connection at
/// its lifetime or when the exchange announces a shutdown without counting a failure, paces control messages, opens
/// its circuit (ends with an error) after too many failures in a row, and closes with a normal close (1000) when
/// stopped. A lost connection is a gap in every stream it carried, reported through the protocol's outlet.
/// </summary>
internal sealed class StreamSession : IStreamLink, IAsyncDisposable
{
    private readonly ExchangeId _exchange;
    private readonly Uri _url;
    private readonly IStreamProtocol _protocol;
    private readonly StreamOptions _options;
    private readonly IFrameDecoder _decoder;
    private readonly KeepAlivePolicy _keepAlive;
    private readonly StreamOptions _socketOptions;
    private readonly IFxHost? _host;
    private readonly Pacer _pacer;
    private readonly object _frameGate = new();
    private volatile LiveSocket? _current;
    private FxException? _failure;
    private int _failures;

    public StreamSession(ExchangeId exchange, Uri url, IStreamProtocol protocol, StreamOptions options, IFrameDecoder? decoder = null)
    {
        _exchange = exchange;
        _url = url;
        _protocol = protocol;
        _options = options;
        // The exchange module's protocol says how its frames are encoded and how its connections stay alive.
        _decoder = decoder ?? protocol.Decoder;
        _keepAlive = protocol.KeepAlive;
        _socketOptions = options with { StaleTimeout = _keepAlive.StaleAfter(options) };
        _pacer = new Pacer(options.MessageSpacing);
        _host = FxLog.Current;
    }

    /// <summary>Connections made, the first included.</summary>
    public int Connections { get; private set; }

    /// <summary>Connects and runs until <paramref name="ct"/> is cancelled, or fails when the circuit opens or the protocol gives up.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var kind = ConnectKind.Initial;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var socket = await ConnectAsync(ct).ConfigureAwait(false);
                if (socket is null) return;
                var end = await RunConnectionAsync(socket, kind, ct).ConfigureAwait(false);
                switch (end.Kind)
                {
                    case ConnectionEndKind.Stopped:
                        return;
                    case ConnectionEndKind.Failed:
                        throw end.Error!;
                    case ConnectionEndKind.Planned:
                        _protocol.Outlet.ConnectionLost("planned reconnect");
                        kind = ConnectKind.Planned;
                        continue;
                }

                // Every frame resets the count: only failures in a row, with nothing received between them, open the circuit.
                var failures = Interlocked.Increment(ref _failures);
                var reason = socket.LostWhilePaused ? $"{end.Reason}, after reading had paused because the pipeline was behind" : end.Reason;
                _protocol.Outlet.ConnectionLost($"connection lost: {reason}");
                if (!await BackOffAsync(failures, $"connection lost ({reason})", ct).ConfigureAwait(false)) return;
                kind = ConnectKind.Recovered;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by the caller: the normal end of a stream.
        }
        finally
        {
            _protocol.Outlet.Close();
        }
    }

    public void Send(string message) => _current?.Send(message);

    public void PlanReconnect(string reason)
    {
        if (_current is { } socket && socket.End(new ConnectionEnd(ConnectionEndKind.Planned, reason))) Verbose($"reconnecting as planned: {reason}.");
    }

    public void Fail(FxException error)
    {
        Interlocked.CompareExchange(ref _failure, error, null);
        _current?.End(new ConnectionEnd(ConnectionEndKind.Failed, error.Message, error));
    }

    /// <summary>A connected socket, or null when stopped; failed handshakes back off and may open the circuit.</summary>
    private async Task<LiveSocket?> ConnectAsync(CancellationToken ct)
    {
        while (true)
        {
            if (_failure is { } failure) throw failure;
            var client = new ClientWebSocket();
            client.Options.KeepAliveInterval = _keepAlive.ClientPingFrames;
            client.Options.CollectHttpResponseDetails = true;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.ConnectTimeout);
                await client.ConnectAsync(_url, timeout.Token).ConfigureAwait(false);
                Func<string?> applicationPing = _keepAlive.ApplicationPing ? _protocol.KeepAliveMessage : static () => null;
                return new LiveSocket(client, _socketOptions, _protocol.Outlet, OnMessage, applicationPing, _pacer,
                    () => PlanReconnect("the connection reached its lifetime"));
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is WebSocketException or OperationCanceledException or HttpRequestException or IOException)
            {
                // The handshake's status tells a refusal from a network error: a permanent one (404, 401, no upgrade)
                // fails at once, naming the address; retrying it for minutes would only hide the cause.
                var status = (int)client.HttpStatusCode;
                client.Dispose();
                if (HandshakeRefusal.IsPermanent(status))
                {
                    throw new FxException("Fluxum.StreamRefused", status is 401 or 403 ? FxErrorKind.PermissionDenied : FxErrorKind.ConnectionError,
                        $"{_exchange} stream: {StreamAddress.Redacted(_url)} refused the WebSocket connection ({HandshakeRefusal.Describe(status)}); " +
                        "retrying cannot help. Check the stream address (FLUXUM_" + _exchange.ToString().ToUpperInvariant() + "_WS_URL, -Environment).",
                        _exchange);
                }

                var reason = status != 0 ? $"HTTP {status}" : e is OperationCanceledException ? $"no answer within {_options.ConnectTimeout.TotalSeconds:0} s" : e.Message;
                var failures = Interlocked.Increment(ref _failures);
                if (!await BackOffAsync(failures, $"could not connect ({reason})", ct).ConfigureAwait(false)) return null;
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                client.Dispose();
                return null;
            }
        }
    }

    private async Task<ConnectionEnd> RunConnectionAsync(LiveSocket socket, ConnectKind kind, CancellationToken ct)
    {
        Connections++;
        _current = socket;
        Verbose(kind switch
        {
            ConnectKind.Initial => $"connected to {StreamAddress.Redacted(_url)}.",
            ConnectKind.Planned => "reconnected (planned); subscribing again.",
            _ => "reconnected after a lost connection; subscribing again.",
        });
        lock (_frameGate)
        {
            // Before the receive loop starts, so the protocol is ready for the first frame of this connection.
            _protocol.OnConnected(this, kind);
        }

        if (_failure is { } failure) socket.End(new ConnectionEnd(ConnectionEndKind.Failed, failure.Message, failure));
        try
        {
            return await socket.RunAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _current = null;
        }
    }

    /// <summary>Waits out the retry delay of this failure, or opens the circuit; false when stopped meanwhile.</summary>
    private async Task<bool> BackOffAsync(int failures, string what, CancellationToken ct)
    {
        if (failures >= _options.MaxFailures)
        {
            throw new FxException("Fluxum.StreamCircuitOpen", FxErrorKind.ConnectionError,
                $"{_exchange} stream gave up after {failures} failed connections in a row to {StreamAddress.Redacted(_url)}; the last: {what}.",
                _exchange);
        }

        var delay = _options.RetryDelay(failures);
        _host?.Warning($"{_exchange} stream: {what} at {StreamAddress.Redacted(_url)}; reconnecting in {delay.TotalSeconds:0.0} s (failure {failures} of at most {_options.MaxFailures}). " +
            "Events in between are missed; books resync.");
        try
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>On the receive loop, one message at a time.</summary>
    private void OnMessage(ReadOnlyMemory<byte> message, WebSocketMessageType type)
    {
        Volatile.Write(ref _failures, 0);
        var frame = _decoder.Decode(message, type);
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

    private void Verbose(string message) => _host?.Verbose($"{_exchange} stream: {message}");

    /// <summary>Nothing to do: the socket of a connection is closed (normally, or aborted) before RunAsync returns.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
