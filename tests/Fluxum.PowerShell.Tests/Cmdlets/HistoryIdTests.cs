using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange.Binance.Trading;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>
/// Ids as text and history reads as a user types them: -FromId binds what people type, the exchange module judges
/// it, and a read by time goes on to now instead of stopping silently at a default count.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class HistoryIdTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();
    private readonly string _key = "idkey" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _secret = "idsecret" + Guid.NewGuid().ToString("N");

    public HistoryIdTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
        BinanceAccount account = _exchange.Server.BinanceAccounts.AddHmacAccount(_key, _secret);
        account.Deposit("USDT", 50_000m);
        _ps.Invoke($"$cred = [pscredential]::new('{_key}', [System.Net.NetworkCredential]::new('', '{_secret}').SecurePassword)").AssertClean();
    }

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void Get_FxTrade_from_a_start_time_without_an_end_reads_to_now()
    {
        var r = _ps.Invoke("""
            $start = [DateTime]::UtcNow.AddMinutes(-10)
            Get-FxTrade BTCUSDT -Aggregate -StartTime $start
            """);
        r.AssertClean();
        Assert.Empty(r.Warnings);
        var times = r.Output.Select(o => (DateTimeOffset)o.Properties["Time"].Value).ToList();

        // Ten minutes of the test exchange's tape are several pages; the old default stopped at the first 1,000.
        Assert.True(times.Count > 1000, $"{times.Count} trades");
        Assert.True(times[^1] > DateTimeOffset.UtcNow.AddMinutes(-1), $"the last trade read is from {times[^1]:u}");
        Assert.True(times[0] >= DateTimeOffset.UtcNow.AddMinutes(-11));
        var ids = r.Output.Select(o => (string)o.Properties["Id"].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => long.Parse(ids[0]) + i), ids.Select(long.Parse)); // no gap between pages
    }

    [Fact]
    public void Get_FxTrade_from_an_id_warns_when_its_default_count_leaves_trades_unread()
    {
        var latest = long.Parse((string)_ps.Invoke("(Get-FxTrade BTCUSDT -Limit 1).Id").Output.Single().BaseObject);

        var cut = _ps.Invoke($"Get-FxTrade BTCUSDT -FromId {latest - 3000}");
        cut.AssertClean();
        Assert.Equal(1000, cut.Output.Count);
        var warning = Assert.Single(cut.Warnings);
        Assert.Contains("Stopped after 1000 trades", warning);
        Assert.Contains("-Limit", warning);

        // A count the user chose is not a surprise, and a read that ends before the default count cuts nothing.
        Assert.Empty(_ps.Invoke($"Get-FxTrade BTCUSDT -FromId {latest - 3000} -Limit 1000").Warnings);
        var few = _ps.Invoke($"Get-FxTrade BTCUSDT -FromId {latest - 5}");
        few.AssertClean();
        Assert.Empty(few.Warnings);
        Assert.InRange(few.Output.Count, 6, 999);
    }

    [Fact]
    public void Ids_are_text_and_FromId_binds_a_typed_number_or_a_piped_id()
    {
        var r = _ps.Invoke("""
            $last = Get-FxTrade BTCUSDT -Limit 1
            $last.Id.GetType().FullName
            $again = Get-FxTrade BTCUSDT -FromId $last.Id -Limit 1
            $again.Id -eq $last.Id
            (Get-FxTrade BTCUSDT -FromId ([long]$last.Id - 2) -Limit 3 | ForEach-Object Id) -join ','
            (Get-FxTrade BTCUSDT -Aggregate -Limit 1).FirstTradeId.GetType().FullName
            """);
        r.AssertClean();
        Assert.Equal("System.String", r.Output[0].BaseObject);
        Assert.True((bool)r.Output[1].BaseObject);
        var last = long.Parse((string)_ps.Invoke("$last.Id").Output.Single().BaseObject);
        Assert.Equal($"{last - 2},{last - 1},{last}", r.Output[2].BaseObject);
        Assert.Equal("System.String", r.Output[3].BaseObject);
    }

    [Theory]
    [InlineData("Get-FxTrade BTCUSDT -FromId abc")]
    [InlineData("Get-FxTrade BTCUSDT -Aggregate -FromId 12x")]
    [InlineData("Get-FxTrade BTCUSDT -FromId -5")]
    [InlineData("Get-FxMyTrade BTCUSDT -FromId '0b6f2a0e-3c1d-4f5e-9a7b-1c2d3e4f5a6b' -Credential $cred")]
    [InlineData("Get-FxOrder BTCUSDT -All -FromId 'twelve' -Credential $cred")]
    public void A_Binance_id_that_is_not_a_whole_number_is_an_InvalidId_error_from_the_Binance_module(string command)
    {
        var r = _ps.Invoke(command);
        Assert.Empty(r.Output);
        var e = Assert.Single(r.Errors);
        Assert.StartsWith("Fluxum.InvalidId", e.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Contains("not a Binance id", e.Exception.Message);
    }

    [Fact]
    public void Get_FxOrder_All_reads_the_history_from_an_order_id()
    {
        var placed = _ps.Invoke("""
            1..3 | ForEach-Object { New-FxOrder BTCUSDT Buy 0.001 -Price (20000 + $_) -Credential $cred } | ForEach-Object OrderId
            """);
        placed.AssertClean();
        var ids = placed.Output.Select(o => (string)o.BaseObject).ToList();

        var from = _ps.Invoke($"Get-FxOrder BTCUSDT -All -FromId {ids[1]} -Credential $cred | ForEach-Object OrderId");
        from.AssertClean();
        Assert.Equal(ids.Skip(1), from.Output.Select(o => (string)o.BaseObject));

        var fills = _ps.Invoke("Get-FxMyTrade BTCUSDT -FromId 0 -Credential $cred");
        fills.AssertClean();
        Assert.Empty(fills.Output);
    }
}
