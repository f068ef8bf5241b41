using System.Globalization;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>
/// Kraken spot WebSocket v2 at /v2 (the real one is wss://ws.kraken.com/v2): book, trade, ticker and ohlc,
/// ping/pong, a status frame on connect and a heartbeat every second while subscribed. Every ~100 ms the live
/// books change and each connection is sent what changed for its subscriptions. This object is the in-process
/// handle for tests: counters, subscriptions, the server's books, and faults.
/// </summary>
public sealed class KrakenStreams
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly byte[] Heartbeat = "{\"channel\":\"heartbeat\"}"u8.ToArray();
    private static readonly byte[] Garbage = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[{\"pri"u8.ToArray();

    private readonly List<KrakenStreamConnection> _open = new();
    private readonly List<(long Id, System.Net.WebSockets.WebSocketCloseStatus? Status)> _closed = new();
    private readonly CancellationToken _stopping;
    private long _accepted;
    private long _nextId;
    private int _badChecksums;
    private int _skippedUpdates;
    private long _silentUntil;
    private long _lastHeartbeat;

    private KrakenStreams(ExchangeClock clock, CancellationToken stopping)
    {
        Market = new KrakenStreamMarket(clock);
        _stopping = stopping;
        stopping.Register(() => Inject(KrakenStreamFault.Drop));
        _ = Task.Run(RunAsync);
    }

    internal object Sync { get; } = new();
    internal KrakenStreamMarket Market { get; }

    /// <summary>While a Silence fault lasts nothing is sent.</summary>
    internal bool IsSilent => Environment.TickCount64 < Interlocked.Read(ref _silentUntil);

    /// <summary>WebSocket connections accepted since the server started.</summary>
    public long AcceptedConnections => Interlocked.Read(ref _accepted);

    public int OpenConnections
    {
        get
        {
            lock (Sync) return _open.Count;
        }
    }

    /// <summary>The connections that have ended, oldest first, with the close status their client sent (null: none, an aborted socket).</summary>
    public IReadOnlyList<(long Id, System.Net.WebSockets.WebSocketCloseStatus? ClientCloseStatus)> ClosedConnections
    {
        get
        {
            lock (Sync) return _closed.ToList();
        }
    }

    public IReadOnlyList<KrakenStreamSubscription> Subscriptions
    {
        get
        {
            lock (Sync)
            {
                return _open.SelectMany(c => c.Feeds.Values.Select(f => new KrakenStreamSubscription(c.Id, f.Channel, f.Symbol, f.Depth, f.Interval)))
                    .ToList();
            }
        }
    }

    /// <summary>
    /// Stops the books changing (trades and heartbeats go on), so a test can compare a client's book with
    /// <see cref="Book"/> once the last update has arrived.
    /// </summary>
    public bool BookChangesPaused { get; set; }

    /// <summary>The server's current top <paramref name="depth"/> levels of a pair (v2 name "BTC/USD", or Kraken's key or altname).</summary>
    public KrakenBookView Book(string symbol, int depth = 10)
    {
        var pair = KrakenV2Names.Find(symbol) ?? KrakenPairs.Find(symbol) ?? throw new ArgumentException($"Unknown Kraken pair '{symbol}'.", nameof(symbol));
        lock (Sync)
        {
            var book = Market.Book(pair);
            return new KrakenBookView(Levels(pair, book.Top(true, depth)), Levels(pair, book.Top(false, depth)));
        }
    }

    /// <summary>Injects a fault; <paramref name="duration"/> applies to <see cref="KrakenStreamFault.Silence"/> only (default 5 s).</summary>
    public void Inject(KrakenStreamFault fault, TimeSpan? duration = null)
    {
        List<KrakenStreamConnection> open;
        lock (Sync)
        {
            open = _open.ToList();
            switch (fault)
            {
                case KrakenStreamFault.BadChecksum:
                    _badChecksums++;
                    return;
                case KrakenStreamFault.SkipUpdate:
                    _skippedUpdates++;
                    return;
                case KrakenStreamFault.Silence:
                    Interlocked.Exchange(ref _silentUntil, Environment.TickCount64 + (long)(duration ?? TimeSpan.FromSeconds(5)).TotalMilliseconds);
                    return;
                case KrakenStreamFault.Malformed:
                    foreach (var c in open) c.Send(Garbage);
                    return;
            }
        }

        foreach (var c in open) c.Abort();
    }

    internal static KrakenStreams Map(WebApplication app, ExchangeClock clock)
    {
        var streams = new KrakenStreams(clock, app.Lifetime.ApplicationStopping);
        app.Map("/v2", streams.HandleAsync);
        return streams;
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            await http.Response.WriteAsync("WebSocket connections only.", http.RequestAborted);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new KrakenStreamConnection(this, socket, http, Interlocked.Increment(ref _nextId));
        Interlocked.Increment(ref _accepted);
        lock (Sync) _open.Add(connection);
        try
        {
            connection.Send(Status(connection.Id));
            using var done = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping);
            await connection.RunAsync(done.Token);
        }
        finally
        {
            lock (Sync)
            {
                _open.Remove(connection);
                _closed.Add((connection.Id, connection.ClientCloseStatus));
                if (_closed.Count > 1000) _closed.RemoveAt(0);
            }
        }
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping)) Publish();
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
    }

    /// <summary>One tick: the books move, then every feed sends what changed (a silent server advances no feed, so nothing is lost but time).</summary>
    private void Publish()
    {
        lock (Sync)
        {
            if (_open.Count == 0) return;
            if (!BookChangesPaused) Market.Mutate();
            if (IsSilent) return;
            foreach (var connection in _open)
            {
                foreach (var feed in connection.Feeds.Values)
                {
                    if (Update(feed) is { } frame) connection.Send(frame);
                }
            }

            if (Environment.TickCount64 - _lastHeartbeat < 1000) return;
            _lastHeartbeat = Environment.TickCount64;
            foreach (var connection in _open.Where(c => c.Feeds.Count > 0)) connection.Send(Heartbeat);
        }
    }

    private byte[]? Update(KrakenFeed feed)
    {
        if (feed is not KrakenBookFeed book) return feed.Update(Market);
        var frame = book.Update(Market, wrongChecksum: _badChecksums > 0);
        if (frame is null) return null;
        if (_badChecksums > 0)
        {
            _badChecksums--;
            return frame;
        }

        if (_skippedUpdates == 0) return frame;
        _skippedUpdates--;
        return null;
    }

    private static byte[] Status(long connectionId) => KrakenStreamJson.Frame(w =>
    {
        w.WriteStartObject();
        w.WriteString("channel", "status");
        w.WriteString("type", "update");
        w.WriteStartArray("data");
        w.WriteStartObject();
        w.WriteString("version", "2.0.10");
        w.WriteString("system", "online");
        w.WriteString("api_version", "v2");
        w.WriteNumber("connection_id", 8_000_000_000_000_000_000UL + (ulong)connectionId);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static (decimal, decimal)[] Levels(KrakenPair pair, KrakenLevel[] levels) => levels
        .Select(l => (Parse(KrakenStreamJson.PriceText(pair, l.Ticks)), Parse(KrakenStreamJson.QuantityText(pair, l.Steps))))
        .ToArray();

    private static decimal Parse(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
