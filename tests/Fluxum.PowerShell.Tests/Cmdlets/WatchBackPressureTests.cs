using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Net.WebSockets;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange.Binance.Streams;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>
/// Watch commands with a pipeline slower than the exchange, as a user runs them: nothing is dropped (the command
/// stops reading the socket instead), -Duration and -Count end it on time, an exchange that drops the paused
/// reader is said as a gap and the command goes on, repeated trades are written once, and every end is a
/// normal close. The hosted runspace has no Start-Sleep or Measure-Object (engine cmdlets only), so the
/// scripts sleep with [Threading.Thread]::Sleep and count with ForEach-Object.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class WatchBackPressureTests : IDisposable
{
    private const string Trades = "btcusdt@trade";
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();

    public WatchBackPressureTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        Streams.ClearFaults();
    }

    private BinanceStreams Streams => _exchange.Server.BinanceStreams;

    public void Dispose()
    {
        Streams.ClearFaults();
        _exchange.Server.Options.StreamSlowReaderTimeout = null;
        _ps.Dispose();
    }

    [Fact]
    public void Count_100000_over_a_burst_of_100000_writes_exactly_100000_consecutive_trades_every_time()
    {
        for (int run = 1; run <= 3; run++)
        {
            var (output, warnings, _) = RunWithBurst(
                "$n = 0; $breaks = 0; $prev = $null; " +
                "Watch-FxTrade BTCUSDT -Count 100000 | ForEach-Object { if ($null -ne $prev -and [long]$_.Id -ne $prev + 1) { $breaks++ }; $prev = [long]$_.Id; $n++ }; $n; $breaks",
                100_000);
            Assert.Equal(new[] { 100_000, 0 }, output.Select(o => Convert.ToInt32(o.BaseObject, CultureInfo.InvariantCulture)));
            Assert.Empty(warnings);
            Assert.True(WaitClosed(), $"run {run}: the socket stayed open");
        }
    }

    [Fact]
    public void Duration_ends_the_command_on_time_even_when_the_pipeline_takes_50_ms_an_object()
    {
        var (output, _, elapsed) = RunWithBurst(
            "$n = 0; Watch-FxTrade BTCUSDT -Duration 3 | ForEach-Object { [System.Threading.Thread]::Sleep(50); $n++ }; $n", 100_000);
        var written = Convert.ToInt32(output.Single().BaseObject, CultureInfo.InvariantCulture);
        Assert.InRange(written, 20, 70);

        // The command's start (the symbol list) and its normal close come on top of the 3 s; a second is the bound.
        Assert.InRange(elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(4));
        Assert.True(WaitClosed(), "the socket stayed open");
        Assert.Equal(WebSocketCloseStatus.NormalClosure, Streams.ClosedConnections[^1].ClientCloseStatus);
    }

    [Fact]
    public void Count_ends_the_command_on_time_with_a_slow_pipeline_and_a_full_buffer_behind_it()
    {
        var (output, _, elapsed) = RunWithBurst(
            "$n = 0; Watch-FxTrade BTCUSDT -Count 40 | ForEach-Object { [System.Threading.Thread]::Sleep(50); $n++ }; $n", 100_000);
        Assert.Equal(40, Convert.ToInt32(output.Single().BaseObject, CultureInfo.InvariantCulture));

        // 40 objects at 50 ms are 2 s; the start and the close (under a full buffer and a paused socket) within a second more.
        Assert.True(elapsed < TimeSpan.FromSeconds(3.5), elapsed.ToString());
        Assert.True(WaitClosed(), "the socket stayed open");
        Assert.Equal(WebSocketCloseStatus.NormalClosure, Streams.ClosedConnections[^1].ClientCloseStatus);
    }

    [Fact]
    public void Ctrl_C_closes_the_socket_with_a_normal_close_within_a_second()
    {
        var before = Streams.ClosedConnections.Count;
        var (result, stopTook) = _ps.InvokeAndStop("Watch-FxTrade BTCUSDT", output => output.Count >= 5, TimeSpan.FromSeconds(10));
        Assert.True(result.Output.Count >= 5);
        Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stop took {stopTook}");
        Assert.True(WaitClosed(), "the socket stayed open");
        var closed = Streams.ClosedConnections.Skip(before).ToList();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, Assert.Single(closed).ClientCloseStatus);
    }

    [Fact]
    public void A_kraken_stream_ends_with_a_normal_close_too()
    {
        var kraken = _exchange.Server.KrakenStreams;
        var before = kraken.ClosedConnections.Count;
        _ps.Invoke("Watch-FxBook BTC/USD -Exchange Kraken -Depth 10 -Count 2").AssertClean();
        for (int k = 0; k < 100 && kraken.ClosedConnections.Count == before; k++) Thread.Sleep(20);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, Assert.Single(kraken.ClosedConnections.Skip(before)).ClientCloseStatus);
    }

    [Fact]
    public void A_reader_the_exchange_drops_for_not_reading_is_said_as_a_gap_with_its_span_and_the_command_goes_on()
    {
        _exchange.Server.Options.StreamSlowReaderTimeout = TimeSpan.FromSeconds(1);
        var accepted = Streams.ConnectionsAccepted;

        // A four-second stall in the pipeline while 300,000 trades come: the socket is not read, the exchange gives
        // up on it. After the stall the command reads on, reconnects, and new trades (ids restart lower) follow.
        var (output, warnings, _) = RunWithBurst(
            "$n = 0; $after = 0; $prev = $null; $reconnected = $false; " +
            "Watch-FxTrade BTCUSDT -Duration 10 | ForEach-Object { " +
            "  if ($n++ -eq 3) { [System.Threading.Thread]::Sleep(4000) }; " +
            "  if ($null -ne $prev -and [long]$_.Id -lt $prev) { $reconnected = $true }; if ($reconnected) { $after++ }; $prev = [long]$_.Id }; $after",
            300_000);

        Assert.Contains(Streams.ClosedConnections, c => c.DroppedAsSlowReader);
        Assert.True(Streams.ConnectionsAccepted >= accepted + 2, "no reconnect");
        Assert.True(Convert.ToInt32(output.Single().BaseObject, CultureInfo.InvariantCulture) > 0, "no trade after the reconnect");
        var gap = Assert.Single(warnings, w => w.Contains("were missed", StringComparison.Ordinal) && w.StartsWith("Binance BTC/USDT trades", StringComparison.Ordinal));
        Assert.Matches(@"events between \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z and \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z were missed", gap);
        Assert.Contains(warnings, w => w.Contains("connection lost", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("The stream had 1 gap", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repeated_aggregate_trade_is_written_once_and_Verbose_says_it_was_dropped()
    {
        var injected = false;
        var (result, _) = _ps.InvokeAndStop("Watch-FxTrade BTCUSDT -Aggregate -Verbose", output =>
        {
            if (!injected && output.Count >= 2)
            {
                injected = Streams.Inject(new StreamFault { Kind = StreamFaultKind.DuplicateTrade, Stream = "btcusdt@aggTrade" }) == 1;
            }

            return injected && output.Count >= 12;
        }, TimeSpan.FromSeconds(20));
        Assert.True(injected, "the fault reached no aggTrade stream");
        var ids = result.Output.Select(o => long.Parse((string)o.Properties["Id"].Value)).ToList();
        Assert.True(ids.Count >= 12, $"{ids.Count} trades");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(result.Verbose, v => v.Contains("aggregate trades: dropped a repeat of trade", StringComparison.Ordinal));
    }

    /// <summary>Runs the script, and once it has subscribed to BTCUSDT trades asks the exchange for a burst.</summary>
    private (IReadOnlyList<PSObject> Output, List<string> Warnings, TimeSpan Elapsed) RunWithBurst(string script, int burst)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _ps.Runspace;
        ps.AddScript(script);
        var clock = Stopwatch.StartNew();
        var async = ps.BeginInvoke();
        var subscribed = Stopwatch.StartNew();
        while (Streams.Burst(Trades, burst) == 0)
        {
            Assert.True(subscribed.Elapsed < TimeSpan.FromSeconds(10), "the command never subscribed to " + Trades);
            Thread.Sleep(5);
        }

        var output = ps.EndInvoke(async).ToList();
        var elapsed = clock.Elapsed;
        Assert.True(ps.Streams.Error.Count == 0, string.Join("; ", ps.Streams.Error));
        return (output, ps.Streams.Warning.Select(w => w.Message).ToList(), elapsed);
    }

    private bool WaitClosed()
    {
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (Streams.ConnectionsOpen > 0 && DateTime.UtcNow < deadline) Thread.Sleep(10);
        return Streams.ConnectionsOpen == 0;
    }
}
