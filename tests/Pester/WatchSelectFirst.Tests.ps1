# Select-Object -First N on each Watch command, in the real console: the command returns soon after the Nth
# object and closes its socket (the test exchange counts the open connections).
BeforeDiscovery {
    $cases = @(
        @{ Command = 'Watch-FxTrade BTCUSDT'; Exchange = 'binance' }
        @{ Command = 'Watch-FxTrade BTC/USD -Exchange Kraken'; Exchange = 'kraken' }
        @{ Command = 'Watch-FxCandle BTCUSDT 1m'; Exchange = 'binance' }
        @{ Command = 'Watch-FxCandle BTC/USD 1m -Exchange Kraken'; Exchange = 'kraken' }
        @{ Command = 'Watch-FxTicker BTCUSDT'; Exchange = 'binance' }
        @{ Command = 'Watch-FxTicker BTCUSDT -Type Book'; Exchange = 'binance' }
        @{ Command = 'Watch-FxTicker BTC/USD -Exchange Kraken'; Exchange = 'kraken' }
        @{ Command = 'Watch-FxBook BTCUSDT -Depth 10'; Exchange = 'binance' }
        @{ Command = 'Watch-FxBook BTC/USD -Depth 10 -Exchange Kraken'; Exchange = 'kraken' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $Manifest -Force
}

Describe '<Command> | Select-Object -First 3' -ForEach $cases {
    It 'returns within a second of the third object and closes its connection' {
        $script:third = $null
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $got = @(Invoke-Expression "$Command | Select-Object -First 3 | ForEach-Object { `$script:third = `$clock.Elapsed; `$_ }")
        $returned = $clock.Elapsed
        $got.Count | Should -Be 3
        $returned.TotalSeconds | Should -BeLessThan 10 -Because 'the first objects of a stream come in a few seconds'
        ($returned - $script:third).TotalSeconds | Should -BeLessThan 1 -Because 'the command returns once Select-Object has the third object'
        Wait-TestCondition { (Get-TestConnectionCount).$Exchange -eq 0 } -Timeout '00:00:01' | Should -BeTrue -Because 'the socket closes when Select-Object has enough'
    }
}

Describe 'Watch-FxOrder | Select-Object -First 1' {
    It 'returns the first update of an order placed meanwhile and closes its connection within a second' {
        $placer = [powershell]::Create()
        [void]$placer.AddScript({
            param($manifest)
            Import-Module $manifest
            Start-Sleep -Seconds 2
            New-FxOrder BTCUSDT Buy 0.001 -Price 30000
        }).AddArgument($Manifest)
        $async = $placer.BeginInvoke()
        try {
            $update = Watch-FxOrder | Select-Object -First 1
        } finally {
            [void]$placer.EndInvoke($async)
            $placer.Dispose()
        }
        $update | Should -Not -BeNullOrEmpty
        $update.PSObject.TypeNames[0] | Should -BeIn 'Fluxum.Trading.Order', 'Fluxum.Trading.Balance'
        Wait-TestCondition { (Get-TestConnectionCount).binance -eq 0 } -Timeout '00:00:01' | Should -BeTrue
    }
}
