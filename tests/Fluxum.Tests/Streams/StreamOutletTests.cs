using Fluxum.Diagnostics;
using Fluxum.Engine.Streams;
using Fluxum.Models;

namespace Fluxum.Tests.Streams;

/// <summary>The rules every exchange's stream shares: exact repeats of a trade id dropped, lost connections as gaps with spans.</summary>
public class StreamOutletTests
{
    private static readonly DateTimeOffset T0 = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_exact_repeat_of_a_trade_id_within_its_stream_is_dropped_counted_and_said_in_verbose()
    {
        var host = new RecordingHost();
        using var log = FxLog.Use(host);
        var sink = new RecordingSink();
        var outlet = new StreamOutlet(sink);

        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 41, aggregate: true));
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 42, aggregate: true));
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 42, aggregate: true)); // the duplicated frame
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 41, aggregate: true)); // a late repeat, still recent
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 42, aggregate: false)); // a raw trade: another stream
        outlet.Publish(Trade(ExchangeId.Binance, "ETH/USDT", 42, aggregate: true)); // another symbol
        outlet.Publish(Trade(ExchangeId.Kraken, "BTC/USDT", 42, aggregate: false)); // another exchange
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 40, aggregate: true)); // older, but never seen: kept

        var trades = sink.Of<Trade>();
        Assert.Equal(new[] { "41", "42", "42", "42", "42", "40" }, trades.Select(t => t.Id));
        Assert.Equal(2, outlet.Duplicates);
        Assert.Equal(2, host.Verbose.Count(v => v.Contains("dropped a repeat of trade", StringComparison.Ordinal)));
        Assert.Contains(host.Verbose, v => v.Contains("BTC/USDT aggregate trades: dropped a repeat of trade 42", StringComparison.Ordinal));
        outlet.Close();
        Assert.Contains(host.Verbose, v => v.Contains("2 repeated trades", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lost_connection_is_a_gap_per_stream_from_its_last_event_to_its_first_after()
    {
        var sink = new RecordingSink();
        var outlet = new StreamOutlet(sink);
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 1, time: T0));
        outlet.Publish(Trade(ExchangeId.Binance, "ETH/USDT", 7, time: T0.AddSeconds(1)));
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 2, time: T0.AddSeconds(2)));

        outlet.ConnectionLost("connection lost: reset by the exchange");
        Assert.Empty(sink.Gaps);
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 2, time: T0.AddSeconds(2))); // a repeat closes nothing
        Assert.Empty(sink.Gaps);
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 9, time: T0.AddSeconds(10)));
        outlet.Publish(Trade(ExchangeId.Binance, "BTC/USDT", 10, time: T0.AddSeconds(11)));

        var gap = Assert.Single(sink.Gaps);
        Assert.Equal(("BTC/USDT", "trades", T0.AddSeconds(2), T0.AddSeconds(10)), (gap.Symbol, gap.Stream, gap.LastBefore, gap.FirstAfter));
        Assert.Equal("connection lost: reset by the exchange", gap.Reason);

        // ETH/USDT had nothing after the reconnect when the stream ended: an open-ended gap.
        outlet.Close();
        Assert.Equal(2, sink.Gaps.Count);
        var open = sink.Gaps.Last();
        Assert.Equal(("ETH/USDT", T0.AddSeconds(1), (DateTimeOffset?)null), (open.Symbol, open.LastBefore, open.FirstAfter));
        Assert.Equal(new[] { "1", "7", "2", "9", "10" }, sink.Of<Trade>().Select(t => t.Id));
    }

    private static Trade Trade(ExchangeId exchange, string symbol, long id, bool aggregate = false, DateTimeOffset? time = null) => new()
    {
        Exchange = exchange, Symbol = symbol, NativeSymbol = symbol.Replace("/", ""), Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Price = 1m, Quantity = 1m, Time = time ?? T0, IsAggregate = aggregate,
    };
}
