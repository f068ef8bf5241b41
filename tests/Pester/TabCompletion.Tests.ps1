# Tab completion as the console asks for it (TabExpansion2): exchange ids, candle intervals of the chosen
# exchange, and symbols from the exchange's own list.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $Manifest -Force
    function Complete([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }
}

Describe 'TabExpansion2' {
    It 'completes -Exchange from the exchange ids' {
        Complete 'Get-FxDepth -Exchange Kr' | Should -Be @('Kraken')
        Complete 'Get-FxTicker -Exchange Bin' | Sort-Object -CaseSensitive | Should -Be @('Binance', 'BinanceCoinM', 'BinanceUsdM')
    }

    It 'completes -Interval with the chosen exchange''s intervals' {
        Complete 'Get-FxCandle XBTUSD -Exchange Kraken -Interval 1' | Should -Be @('1m', '15m', '1h', '1d', '1w', '15d')
        $binance = Complete 'Get-FxCandle BTCUSDT -Interval '
        $binance.Count | Should -Be 16
        $binance | Should -Contain '1M'
        $binance | Should -Contain '1s'
    }

    It 'completes symbols from the exchange''s symbol list' {
        $eth = Complete 'Get-FxDepth ETH'
        $eth | Should -Contain 'ETHUSDT'
        $eth | Should -Contain 'ETHBTC'
        $eth | ForEach-Object { $_ | Should -BeLike 'ETH*' }
        Complete 'Get-FxDepth -Symbol BTC/' | Should -Contain 'BTC/USDT'
        $kraken = Complete 'Get-FxTicker -Exchange Kraken -Symbol XBT'
        $kraken | Should -Contain 'XBTUSD'
        $kraken | Should -Not -Contain 'BTCUSDT'
    }

    It 'completes the Watch commands'' symbols' {
        Complete 'Watch-FxBook BTCU' | Should -Contain 'BTCUSDT'
    }
}
