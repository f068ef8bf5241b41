using System.Globalization;
using System.Text.Json;
using Fluxum.Books;
using Fluxum.Diagnostics;
using Fluxum.Engine.Json;
using Fluxum.Engine.Streams;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>
/// Binance market streams on one combined-stream connection: SUBSCRIBE after every connect, events to model
/// objects, depth diffs into locally kept books, serverShutdown as a planned reconnect. Quiet streams are kept
/// observable by a LIST_SUBSCRIPTIONS every keep-alive period: Binance's own pings are control frames the stale
/// watchdog cannot see.
/// </summary>
internal sealed class BinanceMarketStreamProtocol : IStreamProtocol, IDisposable
{
    private readonly StreamRequest _request;
    private readonly IReadOnlyList<string> _streams;
    private readonly Dictionary<string, SymbolInfo> _symbols;
    private readonly Dictionary<string, SequencedBook> _books = new(StringComparer.Ordinal);
    private readonly BookPublisher? _publisher;
    private readonly object _bookGate = new();
    private readonly HashSet<string> _unknownEvents = new(StringComparer.Ordinal);
    private readonly IFxHost? _host;
    private int _nextId;

    public BinanceMarketStreamProtocol(StreamRequest request, IReadOnlyList<SymbolInfo> symbols, IReadOnlyList<string> streams, IStreamSink sink,
        Func<SymbolInfo, CancellationToken, Task<OrderBook>> loadSnapshot, SequenceRule rule, CancellationToken ct)
    {
        _request = request;
        _streams = streams;
        Outlet = new StreamOutlet(sink);
        _host = FxLog.Current;
        _symbols = symbols.ToDictionary(s => s.NativeSymbol, StringComparer.Ordinal);
        if (request.Channel != StreamChannel.Book) return;

        _publisher = new BookPublisher(Outlet, request.BookDepth, request.BookInterval, _bookGate);
        foreach (var s in symbols)
        {
            var book = new LocalOrderBook(s.Exchange, s.Symbol, s.NativeSymbol, rule);
            _books[s.NativeSymbol] = new SequencedBook(book, c => loadSnapshot(s, c), _publisher.Changed, _bookGate, ct);
        }
    }

    public StreamOutlet Outlet { get; }

    /// <summary>The books kept, by native symbol (tests compare them with the exchange's).</summary>
    public IReadOnlyDictionary<string, SequencedBook> Books => _books;

    public void OnConnected(IStreamLink link, ConnectKind kind)
    {
        Link = link;
        if (kind != ConnectKind.Initial)
        {
            lock (_bookGate)
            {
                foreach (var book in _books.Values) book.Invalidate(kind == ConnectKind.Planned ? "planned reconnect" : "connection replaced");
            }
        }

        for (int k = 0; k < _streams.Count; k += BinanceStreamNames.PerSubscribeMessage)
        {
            var names = _streams.Skip(k).Take(BinanceStreamNames.PerSubscribeMessage);
            link.Send(JsonSerializer.Serialize(new { method = "SUBSCRIBE", @params = names, id = Interlocked.Increment(ref _nextId) }));
        }
    }

    /// <summary>
    /// Binance pings every 20 s and drops a connection that has not answered within a minute; ClientWebSocket
    /// answers while the session reads. A quiet connection also asks LIST_SUBSCRIPTIONS, whose answer shows it alive.
    /// </summary>
    public static KeepAlivePolicy Policy { get; } = new() { ServerPings = true, ApplicationPing = true };

    public KeepAlivePolicy KeepAlive => Policy;

    public string? KeepAliveMessage() =>
        $"{{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":{Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture)}}}";

    public void OnFrame(ReadOnlyMemory<byte> frame)
    {
        using var doc = JsonDocument.Parse(frame);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("A Binance stream frame is a JSON object.");
        if (root.Find("id") is not null && root.Find("data") is null)
        {
            OnReply(root);
            return;
        }

        var e = BinanceStreamParsers.Payload(root);
        var type = BinanceStreamParsers.EventType(e);
        switch (type)
        {
            case "depthUpdate":
                var diff = BinanceStreamParsers.DepthUpdate(e);
                lock (_bookGate)
                {
                    if (_books.TryGetValue(diff.NativeSymbol, out var book)) book.OnDiff(diff);
                }

                break;
            case "trade" when Wants(StreamChannel.Trade):
                Publish(BinanceStreamParsers.Trade(e, Symbol(e)));
                break;
            case "aggTrade" when Wants(StreamChannel.Trade):
                Publish(BinanceStreamParsers.AggregateTrade(e, Symbol(e)));
                break;
            case "kline" when Wants(StreamChannel.Candle):
                var candle = BinanceStreamParsers.Kline(e, Symbol(e));
                if (!_request.ClosedOnly || candle.IsClosed) Publish(candle);
                break;
            case "24hrTicker" or "24hrMiniTicker" when Wants(StreamChannel.Ticker):
                Publish(BinanceStreamParsers.Ticker(e, Symbol(e)));
                break;
            case "bookTicker" when Wants(StreamChannel.Ticker):
                Publish(BinanceStreamParsers.BookTicker(e, Symbol(e)));
                break;
            case "trade" or "aggTrade" or "kline" or "24hrTicker" or "24hrMiniTicker" or "bookTicker":
                // Another channel's event (a subscription left over on a shared connection): not what was asked for.
                break;
            case "serverShutdown":
                Link?.PlanReconnect("Binance announced a server shutdown");
                break;
            default:
                if (_unknownEvents.Add(type)) _host?.Verbose($"Binance stream: skipping events of unknown type '{type}'.");
                break;
        }
    }

    /// <summary>The connection of the latest connect: serverShutdown and refused subscriptions act on it.</summary>
    private IStreamLink? Link { get; set; }

    private void OnReply(JsonElement root)
    {
        if (root.Find("error") is { ValueKind: JsonValueKind.Object } error)
        {
            var code = error.Find("code")?.ToString() ?? "?";
            Link?.Fail(new FxException($"Binance.Stream.{code}", FxErrorKind.InvalidArgument,
                $"Binance refused the subscription: {error.StringOrNull("msg") ?? error.ToString()}", ExchangeId.Binance));
        }
    }

    private SymbolInfo Symbol(JsonElement e)
    {
        var native = e.String("s");
        return _symbols.TryGetValue(native, out var s) ? s : throw new FormatException($"An event for {native}, which was not subscribed.");
    }

    private bool Wants(StreamChannel channel) => _request.Channel == channel;

    private void Publish(object item) => Outlet.Publish(item);

    public void Dispose() => _publisher?.Dispose();
}
