# The default views as a person sees them in a console 80 and 120 columns wide: every output type renders as
# its table, with no cut value (…) and no header broken over lines, and its numbers rounded for display only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'OutputTypes.ps1')
    Import-Module $Manifest -Force
    $PSStyle.OutputRendering = 'PlainText'
    $script:Samples = Get-TestOutputSample
}

BeforeDiscovery {
    $types = @(
        'Fluxum.Models.ExchangeInfo', 'Fluxum.Models.ServerTime', 'Fluxum.Models.SymbolInfo', 'Fluxum.Models.OrderBook',
        'Fluxum.Models.BookLevel', 'Fluxum.Models.FillEstimate', 'Fluxum.Models.Ticker', 'Fluxum.Models.PriceTicker',
        'Fluxum.Models.BookTicker', 'Fluxum.Models.Trade', 'Fluxum.Models.Candle', 'Fluxum.PriceComparison',
        'Fluxum.Trading.Order', 'Fluxum.Trading.Fill', 'Fluxum.Trading.Balance', 'Fluxum.Trading.AccountInfo',
        'Fluxum.Models.FxDefaults', 'Fluxum.Models.RateLimit', 'Fluxum.Models.ConnectionTest'
    )
    $cases = foreach ($t in $types) { foreach ($w in 80, 120) { @{ Type = $t; Width = $w } } }
}

Describe 'Default table view of <Type> at <Width> columns' -ForEach $cases {
    It 'is a table with every header on one line and no value cut' {
        $objects = $Samples[$Type]
        $objects | Should -Not -BeNullOrEmpty
        $objects[0].PSObject.TypeNames | Should -Contain $Type
        $lines = ($objects | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() }
        $dashes = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($l) $l.TrimStart().StartsWith('---') })
        $dashes | Should -Be 1 -Because "the header is one line above the dashes:`n$($lines -join "`n")"
        $lines | Where-Object { $_ -match '…' } | Should -BeNullOrEmpty -Because 'no column may be cut'
        $lines | Where-Object { $_.Length -gt $Width } | Should -BeNullOrEmpty
    }
}

Describe 'Default list view' -ForEach @(
    @{ Type = 'Fluxum.Models.OrderBook'; Shows = 'UpdateId', 'Spread', 'BidLevels' }
    @{ Type = 'Fluxum.Models.Ticker'; Shows = 'BidPrice', 'QuoteVolume', 'TradeCount' }
    @{ Type = 'Fluxum.Models.SymbolInfo'; Shows = 'MinQuantity', 'OrderTypes' }
) {
    It '<Type> lists what the table leaves out, without a cut at 80 columns' {
        $text = $Samples[$Type][0] | Format-List | Out-String -Width 80
        foreach ($name in $Shows) { $text | Should -Match "(?m)^$name\s+:" }
        $text | Should -Not -Match '…'
    }
}

Describe 'Numbers in the views' {
    It 'shows a 0.0001 price in full, where PowerShell alone would print 0.00' {
        $luna = Get-FxTicker LUNAUSDT
        $luna.LastPrice | Should -BeLessThan 0.01
        $expected = $luna.LastPrice.ToString('0.############################')
        ($luna | Out-String) | Should -Match ([regex]::Escape($expected))
        ($luna | Format-Table -View Prices | Out-String) | Should -Match ([regex]::Escape($expected))
        (Get-FxTicker LUNAUSDT -Type Price | Out-String) | Should -Match ([regex]::Escape($expected))
    }

    It 'rounds a long number for display only: the object keeps every digit' {
        $fill = (Get-FxDepth BTCUSDT -Limit 100).EstimateFill('Buy', 0.123456)
        $digits = ($fill.AveragePrice.ToString() -replace '[^0-9]').Length
        $digits | Should -BeGreaterThan 10 -Because 'an average over levels has many digits'
        $shown = [regex]::Match(($fill | Out-String), '(?m)^BTC/USDT.*$').Value -split '\s+'
        $shown | Should -Contain ([Math]::Round($fill.AveragePrice, 3).ToString('0.############################'))
        $fill | Export-Csv -Path (Join-Path $TestDrive 'fill.csv')
        (Import-Csv (Join-Path $TestDrive 'fill.csv')).AveragePrice | Should -Be $fill.AveragePrice.ToString()
    }

    It 'shows a Kraken quote volume in at most 8 significant digits or its whole part' {
        $t = Get-FxTicker XBTUSD -Exchange Kraken
        ($t.QuoteVolume.ToString() -replace '[^0-9]').Length | Should -BeGreaterThan 12
        $row = [regex]::Match(($t | Out-String -Width 80), '(?m)^Kraken.*$').Value
        $row | Should -Match ([regex]::Escape([Math]::Round($t.QuoteVolume, 0).ToString()))
    }
}

Describe 'Named views' {
    It 'Format-Table -View Prices shows the bid and ask of tickers' {
        $text = Get-FxTicker BTCUSDT, ETHUSDT | Format-Table -View Prices | Out-String -Width 80
        $text | Should -Match 'LastPrice\s+BidPrice\s+AskPrice'
    }

    It 'Format-Table -View Spread shows a book''s spread and resyncs' {
        $text = Get-FxDepth BTCUSDT -Limit 5 | Format-Table -View Spread | Out-String -Width 80
        $text | Should -Match 'Time\s+Symbol\s+BestBid\s+BestAsk\s+Spread\s+SpreadBps\s+Resyncs'
        $text | Should -Not -Match '…'
    }

    It 'Format-Table -View Prices shows candles with their interval and quote volume' {
        $text = Get-FxCandle BTCUSDT -Limit 3 | Format-Table -View Prices | Out-String -Width 80
        $text | Should -Match 'Interval\s+Close\s+Volume\s+QuoteVolume'
        $text | Should -Not -Match '…'
    }
}

Describe 'Compare-FxPrice' {
    It 'has BestBid and BestAsk as prices, like a book, and says in BestOf which it has' {
        $rows = Compare-FxPrice BTC/USDT
        $rows.Count | Should -Be 2
        foreach ($r in $rows) {
            $r.BestBid | Should -BeOfType [decimal]
            $r.BestBid | Should -Be (($rows.BidPrice | Measure-Object -Maximum).Maximum)
            $r.BestAsk | Should -Be (($rows.AskPrice | Measure-Object -Minimum).Minimum)
            $r.IsBestBid | Should -BeOfType [bool]
        }
        $text = $rows | Out-String -Width 80
        $text | Should -Match 'BestOf'
        $text | Should -Not -Match '\bTrue\b|\bFalse\b'
    }

    It 'writes an exchange''s failure as its own error, at the caller''s line' {
        $errors = $null
        $rows = Compare-FxPrice NOSUCH/USDT, BTC/USDT -ErrorAction SilentlyContinue -ErrorVariable errors
        $rows.Count | Should -Be 2
        $errors.Count | Should -Be 2
        foreach ($e in $errors) {
            $e.FullyQualifiedErrorId | Should -Be 'Fluxum.UnknownSymbol,Compare-FxPrice'
            $e.InvocationInfo.MyCommand.Name | Should -Be 'Compare-FxPrice'
            $e.InvocationInfo.ScriptName | Should -Not -BeLike '*Compare-FxPrice.ps1'
            $e.TargetObject | Should -Not -BeNullOrEmpty
        }
    }
}
