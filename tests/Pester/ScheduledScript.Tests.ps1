# A script run the way a scheduled task runs it: pwsh -NonInteractive -File, no profile, no console input.
# A failure gives a non-zero exit code, and nothing waits for an answer that no one can give.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function New-TestScript([string] $Name, [string] $Body) {
        $path = Join-Path $TestDrive $Name
        Set-Content -Path $path -Value ("`$ErrorActionPreference = 'Stop'`nImport-Module '$Manifest'`n" + $Body)
        $path
    }

    function Get-OrderRequestCount {
        @(Invoke-RestMethod -Uri "$env:FLUXUM_TEST_EXCHANGE_URL/__fluxum/requests?path=/api/v3/order" | Where-Object { $_.method -eq 'POST' }).Count
    }
}

Describe 'pwsh -NonInteractive -File' {
    It 'exits 0 and writes its file when every step works' {
        $csv = Join-Path $TestDrive 'books.csv'
        $script = New-TestScript 'books.ps1' "Get-FxDepth BTCUSDT, ETHUSDT -Limit 100 | Select-Object Symbol, BestBid, BestAsk | Export-Csv -Path '$csv' -Append"
        $r = Invoke-TestPwsh -File $script
        $r.ExitCode | Should -Be 0 -Because $r.Output
        (Import-Csv $csv).Count | Should -Be 2
    }

    It 'exits non-zero with the error when a command fails' {
        $script = New-TestScript 'unknown.ps1' 'Get-FxTicker NOSUCHPAIR'
        $r = Invoke-TestPwsh -File $script
        $r.TimedOut | Should -BeFalse
        $r.ExitCode | Should -Not -Be 0
        $r.Output | Should -Match 'NOSUCHPAIR'
    }

    It 'fails a market order without -Force at once instead of waiting for a prompt, and sends nothing' {
        $before = Get-OrderRequestCount
        $script = New-TestScript 'market.ps1' 'New-FxOrder BTCUSDT Buy 0.001 -Type Market'
        $r = Invoke-TestPwsh -File $script -Timeout '00:00:30'
        $r.TimedOut | Should -BeFalse -Because 'a prompt in a scheduled task would hang it'
        $r.ExitCode | Should -Not -Be 0
        $r.Output | Should -Match 'New-FxOrder'
        Get-OrderRequestCount | Should -Be $before
    }

    It 'places the market order with -Force and exits 0' {
        $before = Get-OrderRequestCount
        $script = New-TestScript 'market-force.ps1' 'New-FxOrder BTCUSDT Buy 0.001 -Type Market -Force | Out-Null'
        $r = Invoke-TestPwsh -File $script
        $r.ExitCode | Should -Be 0 -Because $r.Output
        Get-OrderRequestCount | Should -Be ($before + 1)
    }

    It 'ends a stream script by its -Duration and exits 0' {
        $csv = Join-Path $TestDrive 'trades.csv'
        $script = New-TestScript 'trades.ps1' "Watch-FxTrade BTCUSDT -Duration 00:00:02 | Export-Csv -Path '$csv'"
        $r = Invoke-TestPwsh -File $script
        $r.ExitCode | Should -Be 0 -Because $r.Output
        (Import-Csv $csv).Count | Should -BeGreaterThan 0
    }
}
