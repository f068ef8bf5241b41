using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange.Binance.Streams;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>
/// The Watch-Fx* commands as a user runs them, against the test exchange's sockets: objects arrive, -Count and
/// -Duration end the command, a pipeline stop ends it at once and closes the socket, faults end with a right book.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class WatchCmdletTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();

    public WatchCmdletTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.BinanceStreams.ClearFaults();
    }

    private BinanceStreams Streams => _exchange.Server.BinanceStreams;

    public void Dispose()
    {
        Streams.ClearFaults();
        _ps.Dispose();
    }

    [Fact]
    public void Watch_FxTrade_writes_trades_of_piped_symbols_over_one_connection_and_Count_ends_it_and_closes_the_socket()
    {
        var accepted = Streams.ConnectionsAccepted;
        var r = _ps.Invoke("'BTCUSDT', 'ETH/USDT' | Watch-FxTrade -Count 30");
        r.AssertClean();
        Assert.Equal(30, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Fluxum.Models.Trade", o.TypeNames[0]));
        Assert.Equal(1, Streams.ConnectionsAccepted - accepted);
        Assert.True(WaitClosed(), "the socket stayed open after the command ended");
    }

    [Fact]
    public void An_unknown_symbol_is_an_error_of_its_own_and_the_others_stream()
    {
        var r = _ps.Invoke("'BTCUSDT', 'NOPEUSDT' | Watch-FxTrade -Count 5");
        Assert.Null(r.Terminating);
        Assert.Equal(5, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("BTC/USDT", o.Properties["Symbol"].Value));
        var error = Assert.Single(r.Errors);
        Assert.Equal("NOPEUSDT", error.TargetObject);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void A_stream_that_gives_up_ends_the_command_even_while_another_exchange_streams()
    {
        var r = _ps.Invoke("""
            try {
                [pscustomobject]@{ Symbol = 'BTCUSDT'; Exchange = 'Binance' }, [pscustomobject]@{ Symbol = 'BTC/USD'; Exchange = 'Kraken' } |
                    Watch-FxTrade -Aggregate -Duration 20 | ForEach-Object { }
                'not reached'
            } catch { $_.FullyQualifiedErrorId }
            """);
        Assert.StartsWith("Fluxum.NotSupported", Assert.Single(r.Output).ToString());
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(5), r.Elapsed.ToString());
        Assert.True(WaitClosed(), "the Binance socket stayed open");
    }

    [Fact]
    public void Duration_ends_the_command_after_that_long()
    {
        var r = _ps.Invoke("Watch-FxTicker BTCUSDT -Type Book -Duration 2");
        r.AssertClean();
        Assert.InRange(r.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(5));
        Assert.NotEmpty(r.Output);
        Assert.All(r.Output, o => Assert.Equal("Fluxum.Models.BookTicker", o.TypeNames[0]));
        Assert.True(WaitClosed());
    }

    [Fact]
    public void A_pipeline_stop_ends_the_stream_within_a_second_and_closes_the_socket()
    {
        var (result, stopTook) = _ps.InvokeAndStop("Watch-FxTrade BTCUSDT", output => output.Count >= 5, TimeSpan.FromSeconds(10));
        Assert.True(result.Output.Count >= 5, $"{result.Output.Count} trades before the stop");
        Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stop took {stopTook}");
        Assert.True(WaitClosed(), "the socket stayed open after the stop");
    }

    [Fact]
    public void Watch_FxCandle_ClosedOnly_writes_only_closed_candles_and_an_unknown_interval_stops_the_command()
    {
        var r = _ps.Invoke("Watch-FxCandle BTCUSDT -Interval 1s -ClosedOnly -Count 2");
        r.AssertClean();
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, o => Assert.True((bool)o.Properties["IsClosed"].Value));
        Assert.All(r.Output, o => Assert.Equal("1s", o.Properties["Interval"].Value));

        var bad = _ps.Invoke("try { Watch-FxCandle BTCUSDT -Interval 7m -Count 1; 'not reached' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }");
        Assert.StartsWith("Fluxum.UnsupportedInterval", bad.Output[0].ToString());
        Assert.Contains("1s, 1m, 3m", bad.Output[1].ToString());
    }

    [Fact]
    public void Watch_FxBook_writes_books_cut_to_Depth_that_match_the_exchanges_own()
    {
        var r = _ps.Invoke("Watch-FxBook BTCUSDT -Depth 5 -Count 5");
        r.AssertClean();
        Assert.Equal(5, r.Output.Count);
        foreach (var book in r.Output)
        {
            Assert.Equal("Fluxum.Models.OrderBook", book.TypeNames[0]);
            Assert.Equal(5, Levels(book, "Bids").Count);
            Assert.Equal(5, Levels(book, "Asks").Count);
            Assert.True(P<decimal>(book, "BestBid") < P<decimal>(book, "BestAsk"));
            var truth = Streams.BookAt("BTCUSDT", P<long>(book, "UpdateId"), 5);
            Assert.NotNull(truth);
            Assert.Equal(truth!.Bids, Levels(book, "Bids"));
            Assert.Equal(truth.Asks, Levels(book, "Asks"));
        }
    }

    [Fact]
    public void Watch_FxBook_Interval_writes_each_book_at_most_that_often()
    {
        // Each book is stamped as it comes out of the command: the gaps between them are what -Interval bounds.
        var r = _ps.Invoke("Watch-FxBook BTCUSDT -Interval 1 -Duration 3.5 | ForEach-Object { [DateTime]::UtcNow }");
        r.AssertClean();
        Assert.InRange(r.Output.Count, 2, 4);
        var times = r.Output.Select(o => (DateTime)o.BaseObject).ToList();
        for (int k = 1; k < times.Count; k++) Assert.True(times[k] - times[k - 1] >= TimeSpan.FromMilliseconds(950), $"{times[k - 1]:O} then {times[k]:O}");
    }

    [Fact]
    public void A_gap_resyncs_the_book_says_so_with_Verbose_and_counts_it()
    {
        var injected = false;
        var (result, _) = _ps.InvokeAndStop("Watch-FxBook BTCUSDT -Verbose", output =>
        {
            if (output.Count >= 3 && !injected)
            {
                Streams.Inject(new StreamFault { Kind = StreamFaultKind.Gap, Stream = "btcusdt@depth" });
                injected = true;
            }

            // By index: enumerating a PSDataCollection that is still being written blocks until it is closed.
            var count = output.Count;
            return count >= 8 && Enumerable.Range(0, count).Any(k => P<int>(output[k], "Resyncs") >= 1);
        }, TimeSpan.FromSeconds(15));
        var books = result.Output;
        Assert.Contains(books, b => P<int>(b, "Resyncs") == 1);
        Assert.Contains(result.Verbose, v => v.Contains("gap", StringComparison.OrdinalIgnoreCase) && v.Contains("resync", StringComparison.OrdinalIgnoreCase));
        var last = books[^1];
        var truth = Streams.BookAt("BTCUSDT", P<long>(last, "UpdateId"), 20);
        Assert.NotNull(truth);
        Assert.Equal(truth!.Bids, Levels(last, "Bids"));
    }

    [Fact]
    public void A_dropped_connection_warns_reconnects_and_resubscribes()
    {
        var accepted = Streams.ConnectionsAccepted;
        var (result, _) = _ps.InvokeAndStop("Watch-FxTrade BTCUSDT", output =>
        {
            if (output.Count == 3 && Streams.ConnectionsAccepted == accepted + 1) Streams.Inject(new StreamFault { Kind = StreamFaultKind.Drop });
            return Streams.ConnectionsAccepted >= accepted + 2 && output.Count >= 10;
        }, TimeSpan.FromSeconds(15));
        Assert.True(result.Output.Count >= 10);
        Assert.Contains(result.Warnings, w => w.Contains("connection lost", StringComparison.Ordinal));
        Assert.True(WaitClosed());
    }

    [Fact]
    public void Kraken_books_arrive_through_the_same_command()
    {
        var r = _ps.Invoke("Watch-FxBook BTC/USD -Exchange Kraken -Depth 10 -Count 3");
        r.AssertClean();
        Assert.Equal(3, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Kraken", P<object>(o, "Exchange").ToString()));
        Assert.All(r.Output, o => Assert.Equal(10, Levels(o, "Bids").Count));
    }

    private static T P<T>(PSObject o, string name) => (T)o.Properties[name].Value;

    private static List<(decimal Price, decimal Quantity)> Levels(PSObject book, string side) =>
        ((System.Collections.IEnumerable)book.Properties[side].Value).Cast<object>().Select(PSObject.AsPSObject)
            .Select(l => (P<decimal>(l, "Price"), P<decimal>(l, "Quantity"))).ToList();

    /// <summary>Polls on this thread: the tests here drive a synchronous PowerShell pipeline.</summary>
    private bool WaitClosed()
    {
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (Streams.ConnectionsOpen > 0 && DateTime.UtcNow < deadline) Thread.Sleep(10);
        return Streams.ConnectionsOpen == 0;
    }
}
