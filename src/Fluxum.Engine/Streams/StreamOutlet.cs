using Fluxum.Diagnostics;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Engine.Streams;

/// <summary>
/// One connection's way into the command's sink. Protocols publish through it, and the session tells it when a
/// connection is lost, so what every exchange needs is done once here: an exact repeat of a trade id within a
/// stream is dropped (and counted), the time of each stream's last event is kept, and after a lost connection the
/// first event of each stream closes a <see cref="StreamGap"/> spanning from the event before. Books bypass all of
/// it: they coalesce and resync instead.
/// </summary>
internal sealed class StreamOutlet : IStreamSink
{
    private readonly IStreamSink _sink;
    private readonly IFxHost? _host = FxLog.Current;
    private readonly object _gate = new();
    private readonly Dictionary<(ExchangeId, string, string), Seen> _streams = new();
    private long _duplicates;

    public StreamOutlet(IStreamSink sink) => _sink = sink;

    /// <summary>Trades dropped because their id had just been written.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    public void Publish(object item)
    {
        if (StreamEvent.Of(item) is not { } e)
        {
            _sink.Publish(item);
            return;
        }

        StreamGap? gap = null;
        lock (_gate)
        {
            if (!_streams.TryGetValue(e.Key, out var seen)) _streams[e.Key] = seen = new Seen();
            if (item is Trade trade && !seen.Ids.Add(trade.Id))
            {
                var n = Interlocked.Increment(ref _duplicates);
                _host?.Verbose($"{e.Exchange} {e.Symbol} {e.Stream}: dropped a repeat of trade {trade.Id} ({n} repeated trades dropped so far).");
                return;
            }

            var time = e.Time ?? DateTimeOffset.UtcNow;
            if (seen.LostBecause is { } reason)
            {
                gap = new StreamGap(e.Exchange, e.Symbol, e.Stream, seen.Last, time, reason);
                seen.LostBecause = null;
            }

            seen.Last = time;
        }

        if (gap is not null) _sink.ReportGap(gap);
        _sink.Publish(item);
    }

    public void PublishLatest(ExchangeId exchange, string symbol, object item) => _sink.PublishLatest(exchange, symbol, item);

    public ValueTask WaitForRoomAsync(CancellationToken ct) => _sink.WaitForRoomAsync(ct);

    public void ReportGap(StreamGap gap) => _sink.ReportGap(gap);

    /// <summary>The connection is gone: every stream seen so far has a gap until its next event.</summary>
    public void ConnectionLost(string reason)
    {
        lock (_gate)
        {
            foreach (var seen in _streams.Values) seen.LostBecause ??= reason;
        }
    }

    /// <summary>The stream ends: gaps no event came after are said as open-ended.</summary>
    public void Close()
    {
        List<StreamGap> open;
        lock (_gate)
        {
            open = _streams.Where(s => s.Value.LostBecause is not null)
                .Select(s => new StreamGap(s.Key.Item1, s.Key.Item2, s.Key.Item3, s.Value.Last, null, s.Value.LostBecause!))
                .ToList();
            foreach (var seen in _streams.Values) seen.LostBecause = null;
        }

        foreach (var gap in open) _sink.ReportGap(gap);
        if (Duplicates > 0) _host?.Verbose($"{Duplicates} repeated trades (same id within a stream) were dropped.");
    }

    private sealed class Seen
    {
        private RecentTradeIds? _ids;

        /// <summary>Only trade streams need one.</summary>
        public RecentTradeIds Ids => _ids ??= new RecentTradeIds();

        public DateTimeOffset? Last { get; set; }
        public string? LostBecause { get; set; }
    }
}
