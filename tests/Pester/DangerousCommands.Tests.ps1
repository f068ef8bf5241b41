# Market orders and cancel-all ask before acting. In a script run as a scheduled task (pwsh -NonInteractive
# -File) nobody can answer: the command must send nothing and say that -Force is the way, and -WhatIf must
# show what a market order would cost.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function New-TestScript([string] $Name, [string] $Body) {
        $path = Join-Path $TestDrive $Name
        Set-Content -Path $path -Value ("Import-Module '$Manifest'`n" + $Body)
        $path
    }

    # The script prints the error's id and whole message on one line each (the console view wraps and shortens them).
    function New-CatchingScript([string] $Name, [string] $Command) {
        New-TestScript $Name "try { $Command -ErrorAction Stop } catch { 'ERRORID=' + `$_.FullyQualifiedErrorId; 'MESSAGE=' + `$_.Exception.Message; exit 3 }"
    }

    function Get-RequestCount([string] $Path, [string] $Method) {
        @(Invoke-RestMethod -Uri "$env:FLUXUM_TEST_EXCHANGE_URL/__fluxum/requests?path=$Path" | Where-Object { $_.method -eq $Method }).Count
    }
}

Describe 'A market order in pwsh -NonInteractive' {
    It 'sends nothing and names -Force in a Fluxum.ConfirmationRequired error, with the estimated cost' {
        $before = Get-RequestCount '/api/v3/order' 'POST'
        $script = New-CatchingScript 'market.ps1' 'New-FxOrder BTCUSDT Buy 0.05 -Type Market'
        $r = Invoke-TestPwsh -File $script -Timeout '00:00:30'
        $r.TimedOut | Should -BeFalse -Because 'a prompt in a scheduled task would hang it'
        $r.ExitCode | Should -Be 3 -Because $r.Output
        $r.Output | Should -Match 'ERRORID=Fluxum\.ConfirmationRequired,.*NewFxOrderCommand'
        $text = $r.Output -replace '\s+', ' '
        $text | Should -Match 'pass -Force'
        $text | Should -Match 'MESSAGE=Buy 0\.05 BTC at market on Binance: about [\d,]+\.\d{2} USDT at an average [\d,]+\.\d{2}'
        Get-RequestCount '/api/v3/order' 'POST' | Should -Be $before
    }

    It 'is not confirmed by -Confirm:$false (PowerShell''s rule), which the error says' {
        $before = Get-RequestCount '/api/v3/order' 'POST'
        $script = New-CatchingScript 'confirm-false.ps1' 'New-FxOrder BTCUSDT Buy 0.001 -Type Market -Confirm:$false'
        $r = Invoke-TestPwsh -File $script -Timeout '00:00:30'
        $r.ExitCode | Should -Be 3 -Because $r.Output
        $r.Output | Should -Match 'ERRORID=Fluxum\.ConfirmationRequired'
        Get-RequestCount '/api/v3/order' 'POST' | Should -Be $before
        ($r.Output -replace '\s+', ' ') | Should -Match '-Confirm:\$false does not skip this question'
    }

    It 'shows the estimated cost from the book with -WhatIf and sends nothing' {
        $before = Get-RequestCount '/api/v3/order' 'POST'
        $script = New-TestScript 'whatif.ps1' 'New-FxOrder BTCUSDT Sell 0.05 -Type Market -WhatIf'
        $r = Invoke-TestPwsh -File $script
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $text = $r.Output -replace '\s+', ' '
        $text | Should -Match 'What if: .*Sell 0\.05 BTC at market on Binance: about [\d,]+\.\d{2} USDT at an average [\d,]+\.\d{2} \(book of \d\d:\d\d:\d\d UTC\)'
        Get-RequestCount '/api/v3/order' 'POST' | Should -Be $before
    }
}

Describe 'Stop-FxOrder -All in pwsh -NonInteractive' {
    It 'asks for -Force without it and cancels nothing' {
        $script = New-CatchingScript 'cancel-ask.ps1' 'New-FxOrder BTCUSDT Buy 0.001 -Price 20000 | Out-Null; Stop-FxOrder -All'
        $r = Invoke-TestPwsh -File $script -Timeout '00:00:30'
        $r.TimedOut | Should -BeFalse
        $r.ExitCode | Should -Be 3 -Because $r.Output
        $r.Output | Should -Match 'ERRORID=Fluxum\.ConfirmationRequired,.*StopFxOrderCommand'
        $r.Output | Should -Match 'pass -Force'
        Get-RequestCount '/api/v3/openOrders' 'DELETE' | Should -Be 0
    }

    It 'cancels every open order of the account with -Force, and a second run is success with nothing' {
        $script = New-TestScript 'kill.ps1' @'
New-FxOrder ETHUSDT Buy 0.01 -Price 1000 | Out-Null
$first = @(Stop-FxOrder -All -Force -ErrorAction Stop)
$second = @(Stop-FxOrder -All -Force -ErrorAction Stop)
$again = @(Stop-FxOrder BTCUSDT -All -Force -ErrorAction Stop)
"cancelled=$($first.Count) symbols=$(($first.Symbol | Sort-Object -Unique) -join ',') second=$($second.Count) again=$($again.Count) open=$(@(Get-FxOrder -Open).Count)"
'@
        $r = Invoke-TestPwsh -File $script
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $r.Output | Should -Match 'cancelled=2 symbols=BTC/USDT,ETH/USDT second=0 again=0 open=0'
    }
}
