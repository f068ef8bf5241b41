using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>Export-FxCsv's file format and Import-FxCsv's typed objects, through the loaded module's writer and reader.</summary>
[Collection(ModuleCollection.Name)]
public sealed class FxCsvTests : IDisposable
{
    private readonly PowerShellSession _ps = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("fluxum-fxcsv-").FullName;

    public void Dispose()
    {
        _ps.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_trade_file_is_invariant_iso_8601_and_comes_back_as_typed_trades()
    {
        var path = Path.Combine(_folder, "trades.csv");
        var r = _ps.Invoke("""
            $culture = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = 'de-DE'
                $t = [Fluxum.Models.Trade]@{ Exchange = 'Binance'; Symbol = 'BTCUSDT'; NativeSymbol = 'BTCUSDT'; Id = 42; Price = [decimal]'64364.5'; Quantity = [decimal]::Parse('0.00150', [cultureinfo]::InvariantCulture);
                    QuoteQuantity = 96.54675; Time = [DateTimeOffset]::new(2026, 12, 2, 20, 33, 0, 123, [TimeSpan]::Zero); Side = 'Sell'; IsAggregate = $true; FirstTradeId = 7 }
                $t | Export-FxCsv -Path $path
                [cultureinfo]::CurrentCulture = 'en-GB'
                Import-FxCsv $path
            } finally { [cultureinfo]::CurrentCulture = $culture }
            """, new Dictionary<string, object?> { ["path"] = path });
        r.AssertClean();
        var lines = File.ReadAllLines(path);
        Assert.Equal("#FXTYPE Fluxum.Models.Trade", lines[0]);
        Assert.Contains("\"64364.5\"", lines[2]);
        Assert.Contains("\"0.00150\"", lines[2]);
        Assert.Contains("\"2026-12-02T20:33:00.1230000+00:00\"", lines[2]);
        Assert.Contains("\"Sell\"", lines[2]);
        Assert.EndsWith("\"7\",", lines[2]); // LastTradeId, the last column, is null: an empty unquoted field

        var back = Assert.Single(r.Output).BaseObject;
        Assert.Equal("Fluxum.Models.Trade", back.GetType().FullName);
        dynamic trade = back;
        Assert.Equal(64364.5m, (decimal)trade.Price);
        Assert.Equal(0.00150m, (decimal)trade.Quantity);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 20, 33, 0, 123, TimeSpan.Zero), (DateTimeOffset)trade.Time);
        Assert.Equal("Sell", trade.Side.ToString());
        Assert.Equal("42", trade.Id.ToString());
        Assert.Equal("7", trade.FirstTradeId.ToString());
        Assert.Null(trade.LastTradeId);
    }

    [Fact]
    public void A_book_is_written_as_level_rows_and_read_back_as_one_book()
    {
        var path = Path.Combine(_folder, "book.csv");
        var r = _ps.Invoke("""
            $book = Get-FxDepth BTCUSDT -Limit 5
            $book | Export-FxCsv -Path $path
            $back = Import-FxCsv $path
            $back.GetType().FullName
            ($back.Bids | ForEach-Object { "$($_.Side) $($_.Price) $($_.Quantity)" }) -join ';'
            ($book.Bids | ForEach-Object { "$($_.Side) $($_.Price) $($_.Quantity)" }) -join ';'
            $back.Time -eq $book.Time
            $back.EstimateFill('Buy', 0.1).AveragePrice -eq $book.EstimateFill('Buy', 0.1).AveragePrice
            """, new Dictionary<string, object?> { ["path"] = path });
        r.AssertClean();
        var lines = File.ReadAllLines(path);
        Assert.Equal("#FXTYPE Fluxum.Models.OrderBook", lines[0]);
        Assert.StartsWith("\"Exchange\",\"Symbol\",\"Side\",\"Price\",\"Quantity\",\"Time\"", lines[1]);
        Assert.Equal(2 + 10, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains("BookLevel[]"));
        Assert.Equal("Fluxum.Models.OrderBook", r.Output[0].ToString());
        Assert.Equal(r.Output[2].ToString(), r.Output[1].ToString());
        Assert.Equal("True", r.Output[3].ToString());
        Assert.Equal("True", r.Output[4].ToString());
    }

    [Fact]
    public void Appending_another_type_and_clobbering_are_refused()
    {
        var path = Path.Combine(_folder, "mixed.csv");
        var r = _ps.Invoke("""
            Get-FxTrade BTCUSDT -Limit 2 | Export-FxCsv -Path $path
            Get-FxTrade BTCUSDT -Limit 3 | Export-FxCsv -Path $path -Append
            (Import-FxCsv $path).Count
            Get-FxTicker BTCUSDT | Export-FxCsv -Path $path -Append -ErrorVariable mismatch -ErrorAction SilentlyContinue
            $mismatch[0].FullyQualifiedErrorId
            try { Get-FxTrade BTCUSDT -Limit 1 | Export-FxCsv -Path $path -NoClobber; 'written' } catch { $_.FullyQualifiedErrorId }
            Get-FxTrade BTCUSDT -Limit 1 | Export-FxCsv -Path $path -WhatIf
            (Import-FxCsv $path).Count
            """, new Dictionary<string, object?> { ["path"] = path });
        Assert.Null(r.Terminating);
        Assert.Equal("5", r.Output[0].ToString());
        Assert.StartsWith("Fluxum.CsvTypeMismatch", r.Output[1].ToString());
        Assert.StartsWith("Fluxum.FileExists", r.Output[2].ToString());
        Assert.Equal("5", r.Output[3].ToString());
    }
}
