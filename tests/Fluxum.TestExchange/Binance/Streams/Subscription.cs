namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>One stream a connection holds, with where its pump has got to.</summary>
internal sealed class Subscription(string name, StreamName? market)
{
    private int _pendingBurst;
    private int _duplicateNext;

    public string Name { get; } = name;

    /// <summary>Null for a user data subscription on the WebSocket API.</summary>
    public StreamName? Market { get; } = market;

    /// <summary>Environment.TickCount64 at which the next periodic event is due.</summary>
    public long NextDueMs { get; set; }

    /// <summary>Trade streams: the next tape slot to print.</summary>
    public long NextSlot { get; set; }

    /// <summary>Trade streams: ids handed out by bursts so far, added to every later id so ids only grow.</summary>
    public long Shift { get; set; }

    /// <summary>Kline streams: the open time of the candle last reported.</summary>
    public DateTimeOffset? KlineOpen { get; set; }

    /// <summary>bookTicker: the book update id last reported.</summary>
    public long LastUpdateId { get; set; } = -1;

    public void AddBurst(int count) => Interlocked.Add(ref _pendingBurst, count);

    public int TakeBurst() => Interlocked.Exchange(ref _pendingBurst, 0);

    /// <summary>Trade streams: the next trade goes out twice (a DuplicateTrade fault).</summary>
    public void DuplicateNext() => Interlocked.Exchange(ref _duplicateNext, 1);

    public bool TakeDuplicate() => Interlocked.Exchange(ref _duplicateNext, 0) == 1;
}
