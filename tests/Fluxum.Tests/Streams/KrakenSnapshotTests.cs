using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Streams;
using Fluxum.Tests.Support;
using Fluxum.TestExchange;

namespace Fluxum.Tests.Streams;

/// <summary>
/// Kraken answers a trade or ohlc subscription with a snapshot (the last 50 trades, about 50 s old; the last
/// candles) before the live updates, as the test exchange does: the stream writes only the live events unless
/// <see cref="StreamRequest.IncludeSnapshot"/> asks for the history too.
/// </summary>
public sealed class KrakenSnapshotTests : IAsyncLifetime
{
    private TestExchangeServer _server = null!;

    public async Task InitializeAsync() => _server = await TestExchangeServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Trades_start_with_the_live_tape_by_default()
    {
        var start = DateTimeOffset.UtcNow;
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTC/USD" } });
        await run.WaitFor(() => run.Sink.Of<Trade>().Count >= 2, "live trades", TimeSpan.FromSeconds(15));
        Assert.All(run.Sink.Of<Trade>(), t => Assert.True(t.Time > start.AddSeconds(-10), $"a trade of {t.Time:O} is from the snapshot (started {start:O})"));
    }

    [Fact]
    public async Task Trades_with_the_snapshot_start_with_the_last_50()
    {
        var start = DateTimeOffset.UtcNow;
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "BTC/USD" }, IncludeSnapshot = true });
        await run.WaitFor(() => run.Sink.Of<Trade>().Count >= 50, "the snapshot's 50 trades");
        Assert.Contains(run.Sink.Of<Trade>(), t => t.Time < start.AddSeconds(-20));
    }

    [Fact]
    public async Task Candles_start_with_the_running_candle_by_default()
    {
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Candle, Symbols = new[] { "BTC/USD" }, Interval = CandleInterval.Parse("1m") });
        await run.WaitFor(() => run.Sink.Of<Candle>().Count >= 2, "live candles", TimeSpan.FromSeconds(15));
        // The snapshot holds the last ten minutes; live updates are of the running minute (two across a minute's turn).
        Assert.InRange(run.Sink.Of<Candle>().Select(c => c.OpenTime).Distinct().Count(), 1, 2);
    }

    [Fact]
    public async Task Candles_with_the_snapshot_start_with_the_last_ones()
    {
        await using var run = Start(new StreamRequest { Channel = StreamChannel.Candle, Symbols = new[] { "BTC/USD" }, Interval = CandleInterval.Parse("1m"), IncludeSnapshot = true });
        await run.WaitFor(() => run.Sink.Of<Candle>().Select(c => c.OpenTime).Distinct().Count() >= 5, "the snapshot's candles");
    }

    private StreamRun Start(StreamRequest request) =>
        new(ExchangeClients.KrakenStreams(ExchangeClients.Kraken(_server, TimeSpan.FromSeconds(2)), TestStreamOptions.Fast), request);
}
