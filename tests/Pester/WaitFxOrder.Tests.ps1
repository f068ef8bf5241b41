# Wait-FxOrder as a script uses it: the ended order is the output, and a timeout stops a script that says
# -ErrorAction Stop (a non-zero exit code in a scheduled task) while the order stays open at the exchange.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $Manifest
}

Describe 'Wait-FxOrder' {
    It 'writes a filled market order once it has filled' {
        $order = New-FxOrder BTCUSDT Buy 0.001 -Type Market -Force | Wait-FxOrder -Timeout 20
        $order.Status | Should -Be 'Filled'
        $order.ExecutedQuantity | Should -Be 0.001
    }

    It 'collects what did not end in time with -ErrorVariable, the open order as TargetObject' {
        $placed = New-FxOrder BTCUSDT Buy 0.001 -Price 20000
        $done = $placed | Wait-FxOrder -Timeout 2 -ErrorAction SilentlyContinue -ErrorVariable late
        $done | Should -BeNullOrEmpty
        $late.Count | Should -Be 1
        $late[0].FullyQualifiedErrorId | Should -BeLike 'Fluxum.WaitTimedOut,*'
        $late[0].TargetObject.OrderId | Should -Be $placed.OrderId
        $late[0].TargetObject.Status | Should -Be 'New'
        (Stop-FxOrder BTCUSDT $placed.OrderId).Status | Should -Be 'Canceled'
    }

    It 'gives a scheduled script a non-zero exit code at the timeout' {
        $path = Join-Path $TestDrive 'wait.ps1'
        Set-Content -Path $path -Value @"
`$ErrorActionPreference = 'Stop'
Import-Module '$Manifest'
New-FxOrder BTCUSDT Buy 0.001 -Price 20000 | Wait-FxOrder -Timeout 2
'not reached'
"@
        $r = Invoke-TestPwsh -File $path
        $r.TimedOut | Should -BeFalse
        $r.ExitCode | Should -Not -Be 0
        $r.Output | Should -Not -Match 'not reached'
        ($r.Output -replace '\s+', ' ') | Should -Match 'still New'
    }
}
