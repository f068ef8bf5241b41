using System.Globalization;
using System.Text.Json;
using Fluxum.Books;
using Fluxum.Diagnostics;
using Fluxum.Engine.Streams;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>
/// Kraken spot market streams over WebSocket v2: one subscribe for all symbols after every connect, channel
/// frames to model objects, books kept from snapshot + updates with the CRC32 checksum verified on every
/// update. Kraken's books have no sequence numbers: a checksum mismatch or a crossed book is answered by
/// subscribing to that symbol's book again, which brings a fresh snapshot.
/// </summary>
internal sealed class KrakenMarketStreamProtocol : IStreamProtocol, IDisposable
{
    /// <summary>The book depths Kraken offers; the smallest one covering the requested depth is subscribed.</summary>
    private static readonly int[] BookDepths = { 10, 25, 100, 500, 1000 };

    private readonly StreamRequest _request;
    private readonly IReadOnlyList<SymbolInfo> _symbols;
    private readonly Dictionary<string, SymbolInfo> _byWireName;
    private readonly Dictionary<string, ChecksummedBook> _books = new(StringComparer.Ordinal);
    /// <summary>A snapshot that has not come this long after asking is asked for again (a lost answer must not stall a book).</summary>
    private static readonly TimeSpan SnapshotPatience = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, Candle> _openCandles = new(StringComparer.Ordinal);
    private readonly BookPublisher? _publisher;
    private readonly object _bookGate = new();
    private readonly IFxHost? _host = FxLog.Current;
    private readonly int _bookDepth;
    private IStreamLink? _link;
    private int _nextId;
    private bool _unknownReported;

    public KrakenMarketStreamProtocol(StreamRequest request, IReadOnlyList<SymbolInfo> symbols, IStreamSink sink)
    {
        _request = request;
        _symbols = symbols;
        Outlet = new StreamOutlet(sink);
        _byWireName = symbols.ToDictionary(WireName, StringComparer.Ordinal);
        _bookDepth = BookDepths.FirstOrDefault(d => d >= request.BookDepth, 1000);
        if (request.Channel != StreamChannel.Book) return;
        _publisher = new BookPublisher(Outlet, request.BookDepth, request.BookInterval, _bookGate);
        foreach (var s in symbols)
        {
            var wireName = WireName(s);
            _books[wireName] = new ChecksummedBook(new LocalOrderBook(s.Exchange, s.Symbol, s.NativeSymbol), () => Resubscribe(wireName),
                _publisher.Changed, SnapshotPatience);
        }
    }

    public StreamOutlet Outlet { get; }

    /// <summary>WebSocket v2 names pairs by their common codes (BTC/USD), which is Fluxum's unified symbol.</summary>
    public static string WireName(SymbolInfo symbol) => symbol.Symbol;

    public void OnConnected(IStreamLink link, ConnectKind kind)
    {
        _link = link;
        lock (_bookGate)
        {
            // A new connection starts every book from the snapshot its subscription brings.
            foreach (var book in _books.Values) book.ExpectSnapshot();
        }

        link.Send(Subscribe("subscribe", _symbols.Select(WireName)));
    }

    /// <summary>
    /// Kraken sends no ping frames: a subscribed connection gets a heartbeat frame every second, so ten silent
    /// seconds mean a dead connection however rare the stream's events; a quiet one is also pinged ({"method":"ping"}).
    /// </summary>
    public static KeepAlivePolicy Policy { get; } = new() { ApplicationPing = true, HeartbeatStaleAfter = TimeSpan.FromSeconds(10) };

    public KeepAlivePolicy KeepAlive => Policy;

    public string? KeepAliveMessage() => $"{{\"method\":\"ping\",\"req_id\":{Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture)}}}";

    public void OnFrame(ReadOnlyMemory<byte> frame)
    {
        using var doc = JsonDocument.Parse(frame);
        var root = doc.RootElement;
        var kind = KrakenStreamParsers.Classify(root);
        if (_books.Count > 0) AskAgainForLateSnapshots();
        switch (kind.Kind)
        {
            case KrakenFrameKind.Book:
                lock (_bookGate)
                {
                    foreach (var e in KrakenStreamParsers.Books(root)) OnBook(e);
                }

                break;
            case KrakenFrameKind.Trade when _request.Channel == StreamChannel.Trade:
                // The subscription's snapshot is the last 50 trades, tens of seconds old: history, not the live tape.
                if (kind.IsSnapshot && !_request.IncludeSnapshot) break;
                foreach (var t in KrakenStreamParsers.Trades(root, Lookup)) Outlet.Publish(t);
                break;
            case KrakenFrameKind.Ticker when _request.Channel == StreamChannel.Ticker:
                if (_request.TickerType == TickerType.Book)
                {
                    foreach (var t in KrakenStreamParsers.BookTickers(root, Lookup)) Outlet.Publish(t);
                }
                else
                {
                    foreach (var t in KrakenStreamParsers.Tickers(root, Lookup)) Outlet.Publish(t);
                }

                break;
            case KrakenFrameKind.Ohlc when _request.Channel == StreamChannel.Candle:
                foreach (var c in KrakenStreamParsers.Candles(root, Lookup)) OnCandle(c, kind.IsSnapshot);
                break;
            case KrakenFrameKind.Subscribed when !kind.Success:
                _link?.Fail(new FxException("Kraken.Subscribe", FxErrorKind.InvalidArgument,
                    $"Kraken refused the subscription{(kind.Symbol is null ? "" : " to " + kind.Symbol)}: {kind.Error}", ExchangeId.Kraken));
                break;
            case KrakenFrameKind.Status:
                var status = KrakenStreamParsers.Status(root);
                if (status.System != "online") _host?.Warning($"Kraken stream: the exchange reports its system as '{status.System}'.");
                break;
            case KrakenFrameKind.Unknown:
                if (!_unknownReported) _host?.Verbose("Kraken stream: skipping frames of a kind it does not know.");
                _unknownReported = true;
                break;
        }
    }

    /// <summary>Under the book gate.</summary>
    private void OnBook(KrakenBookEvent e)
    {
        if (_books.TryGetValue(e.Symbol, out var book)) book.On(e.IsSnapshot, b => e.ApplyTo(b, _bookDepth));
    }

    /// <summary>Only a new snapshot can fix a book that no longer matches Kraken's, and a new subscription brings one.</summary>
    private void Resubscribe(string symbol)
    {
        _link?.Send(Subscribe("unsubscribe", new[] { symbol }));
        _link?.Send(Subscribe("subscribe", new[] { symbol }));
    }

    private void AskAgainForLateSnapshots()
    {
        lock (_bookGate)
        {
            foreach (var book in _books.Values) book.CheckPatience();
        }
    }

    /// <summary>Kraken marks no candle closed: one is closed when the next one of its symbol begins.</summary>
    private void OnCandle(Candle candle, bool snapshot)
    {
        if (!_request.ClosedOnly)
        {
            // The snapshot's candles are the last ones of the series; only the live updates are written unless asked.
            if (!snapshot || _request.IncludeSnapshot) Outlet.Publish(candle);
            return;
        }

        if (_openCandles.TryGetValue(candle.Symbol, out var open) && candle.OpenTime > open.OpenTime && !snapshot)
        {
            Outlet.Publish(open with { IsClosed = true });
        }

        if (!_openCandles.TryGetValue(candle.Symbol, out open) || candle.OpenTime >= open.OpenTime) _openCandles[candle.Symbol] = candle;
    }

    private SymbolInfo? Lookup(string wireName) => _byWireName.GetValueOrDefault(wireName);

    private string Subscribe(string method, IEnumerable<string> symbols)
    {
        var id = Interlocked.Increment(ref _nextId);
        var channel = _request.Channel switch
        {
            StreamChannel.Trade => "trade",
            StreamChannel.Candle => "ohlc",
            StreamChannel.Ticker => "ticker",
            _ => "book",
        };
        var p = new Dictionary<string, object> { ["channel"] = channel, ["symbol"] = symbols.ToArray() };
        if (_request.Channel == StreamChannel.Book) p["depth"] = _bookDepth;
        if (_request.Channel == StreamChannel.Candle) p["interval"] = _request.Interval!.Value.TotalMinutes;
        if (_request.Channel == StreamChannel.Ticker && _request.TickerType == TickerType.Book) p["event_trigger"] = "bbo";
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["method"] = method, ["params"] = p, ["req_id"] = id });
    }

    public void Dispose() => _publisher?.Dispose();
}
