# Sort-Object, Group-Object and Measure-Object on the numeric properties, as a person composes them: the
# numbers are decimals, so they sort and add up as numbers, never as text.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $Manifest -Force
}

Describe 'Sort-Object' {
    It 'sorts tickers by QuoteVolume as numbers' {
        $sorted = @(Get-FxTicker | Sort-Object QuoteVolume -Descending)
        $sorted.Count | Should -BeGreaterThan 3
        $sorted[0].QuoteVolume | Should -BeOfType [decimal]
        for ($i = 1; $i -lt $sorted.Count; $i++) { $sorted[$i - 1].QuoteVolume | Should -BeGreaterOrEqual $sorted[$i].QuoteVolume }
    }

    It 'sorts book levels by Price into the book''s own order' {
        $book = Get-FxDepth BTCUSDT -Limit 50
        ($book.Asks | Sort-Object Price).Price | Should -Be $book.Asks.Price
        ($book.Bids | Sort-Object Price -Descending).Price | Should -Be $book.Bids.Price
    }

    It 'sorts books of several symbols by SpreadBps' {
        $spreads = (Get-FxDepth BTCUSDT, ETHUSDT, BNBUSDT -Limit 5 | Sort-Object SpreadBps).SpreadBps
        $spreads | Should -Be ($spreads | ForEach-Object { [decimal]$_ } | Sort-Object)
    }
}

Describe 'Group-Object' {
    It 'splits trades by side, and the groups add up to the whole' {
        $trades = Get-FxTrade ETHUSDT -Limit 500
        $groups = $trades | Group-Object Side
        $groups.Name | Should -Be @('Buy', 'Sell')
        ($groups | Measure-Object Count -Sum).Sum | Should -Be 500
    }

    It 'groups candles by day with their summed volume' {
        $candles = Get-FxCandle BTCUSDT -Interval 1h -Limit 48
        $days = $candles | Group-Object { $_.OpenTime.UtcDateTime.Date }
        $total = [decimal]0
        foreach ($d in $days) { foreach ($c in $d.Group) { $total += $c.Volume } }
        $expected = [decimal]0; foreach ($c in $candles) { $expected += $c.Volume }
        $total | Should -Be $expected
    }
}

Describe 'Measure-Object' {
    It 'sums, averages and finds the extremes of book levels' {
        $book = Get-FxDepth BTCUSDT -Limit 100
        $m = $book.Asks | Measure-Object Price, Quantity -Sum -Average -Minimum -Maximum
        $price = $m | Where-Object Property -eq Price
        $price.Minimum | Should -Be ([double]$book.BestAsk)
        $price.Maximum | Should -Be ([double]$book.Asks[-1].Price)
        $exact = [decimal]0; foreach ($l in $book.Asks) { $exact += $l.Quantity }
        ($m | Where-Object Property -eq Quantity).Sum | Should -BeGreaterThan ([double]$exact - 1e-9)
        ($m | Where-Object Property -eq Quantity).Sum | Should -BeLessThan ([double]$exact + 1e-9)
    }

    It 'measures a day of one-minute candles paged from the exchange' {
        $m = Get-FxCandle BTCUSDT 1m -StartTime ([DateTime]::UtcNow.Date.AddDays(-1)) -EndTime ([DateTime]::UtcNow.Date.AddMinutes(-1)) | Measure-Object Volume -Sum
        $m.Count | Should -Be 1440
        $m.Sum | Should -BeGreaterThan 0
    }
}
