# Defaults, named accounts and health checks as a person types them in the real pwsh, and as a scheduled task
# runs them (pwsh -NonInteractive -File): where a command takes its exchange from, first to last, is the
# command line, a piped object's Exchange, Set-FxDefault, FLUXUM_DEFAULT_EXCHANGE, Binance.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $Manifest -Force
    $PSStyle.OutputRendering = 'PlainText'

    function New-TestScript([string] $Name, [string] $Body) {
        $path = Join-Path $TestDrive $Name
        Set-Content -Path $path -Value ("`$ErrorActionPreference = 'Stop'`nImport-Module '$Manifest'`n" + $Body)
        $path
    }

    function Get-TableLines($Objects, [int] $Width) {
        ($Objects | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() }
    }
}

Describe 'Sessions, defaults and accounts' {
    AfterEach {
        Set-FxDefault -Reset
    }

    Describe 'FLUXUM_DEFAULT_EXCHANGE in a scheduled script' {
        It 'chooses the exchange, after the command line and Set-FxDefault' {
            $script = New-TestScript 'default.ps1' @'
    (Get-FxServerTime).Exchange.ToString()
    (Get-FxServerTime -Exchange Binance).Exchange.ToString()
    (Get-FxDefault).ExchangeSource
    Set-FxDefault -Exchange Binance
    (Get-FxServerTime).Exchange.ToString()
    (Get-FxTicker -Exchange Kraken XBTUSD | Get-FxDepth -Limit 10).Exchange.ToString()
'@
            $r = Invoke-TestPwsh -File $script -Environment @{ FLUXUM_DEFAULT_EXCHANGE = 'Kraken' }
            $r.ExitCode | Should -Be 0 -Because $r.Output
            ($r.Output -split "`r?`n" | Where-Object { $_ }) | Should -Be @('Kraken', 'Binance', 'FLUXUM_DEFAULT_EXCHANGE', 'Binance', 'Kraken')
        }

        It 'keeps the exchange of piped objects when the variable names another' {
            $script = New-TestScript 'piped.ps1' '(Get-FxTicker -Exchange Binance BTCUSDT | Get-FxDepth -Limit 5).Exchange.ToString()'
            $r = Invoke-TestPwsh -File $script -Environment @{ FLUXUM_DEFAULT_EXCHANGE = 'Kraken' }
            $r.ExitCode | Should -Be 0 -Because $r.Output
            $r.Output.Trim() | Should -Be 'Binance'
        }

        It 'fails with a non-zero exit code naming the variable when it names no exchange' {
            $script = New-TestScript 'typo.ps1' 'Get-FxServerTime'
            $r = Invoke-TestPwsh -File $script -Environment @{ FLUXUM_DEFAULT_EXCHANGE = 'Krakn' }
            $r.TimedOut | Should -BeFalse
            $r.ExitCode | Should -Not -Be 0
            $r.Output | Should -Match 'FLUXUM_DEFAULT_EXCHANGE'
            $r.Output | Should -Match 'Krakn'

            $explicit = New-TestScript 'explicit.ps1' 'Get-FxServerTime -Exchange Binance | Out-Null'
            (Invoke-TestPwsh -File $explicit -Environment @{ FLUXUM_DEFAULT_EXCHANGE = 'Krakn' }).ExitCode | Should -Be 0
        }
    }

    Describe 'Set-FxDefault in the console' {
        It 'sends piped objects to their own exchange whatever the session default' {
            Set-FxDefault -Exchange Binance
            (Get-FxTicker -Exchange Kraken XBTUSD | Get-FxDepth -Limit 10).Exchange | Should -Be 'Kraken'
            Set-FxDefault -Exchange Kraken
            (Get-FxTicker -Exchange Binance BTCUSDT | Get-FxDepth -Limit 5).Exchange | Should -Be 'Binance'
            (Get-FxServerTime).Exchange | Should -Be 'Kraken'
        }

        It 'is shown by Get-FxDefault in a table that fits 80 columns' {
            Set-FxDefault -Exchange Kraken -Account main
            $lines = Get-TableLines (Get-FxDefault) 80
            $lines[0] | Should -Match '^Exchange\s+From\s+Environment\s+From\s+Account\s+From'
            $lines[2] | Should -Match '^Kraken\s+Set-FxDefault\s+Live\s+Built-in\s+main\s+Set-FxDefault'
            $lines | Where-Object { $_.Length -gt 80 -or $_ -match '…' } | Should -BeNullOrEmpty
        }
    }

    Describe 'Named accounts' {
        BeforeAll {
            # SecretManagement is not installed here; a Get-Secret function stands in for a vault holding the demo key as 'main'.
            function global:Get-Secret { param($Name, $Vault)
                if ($Name -eq 'Fluxum.Binance.main') { return [pscredential]::new($env:BINANCE_API_KEY, (ConvertTo-SecureString $env:BINANCE_API_SECRET -AsPlainText -Force)) }
                Write-Error -Message "Secret $Name not found" -Category ObjectNotFound
            }
        }
        AfterAll { Remove-Item Function:\Get-Secret }

        It 'reads a named account from its secret, and its rows carry the name through Export-Csv and back' {
            $path = Join-Path $TestDrive 'balances.csv'
            Get-FxBalance -Account main | Export-Csv -Path $path -NoTypeInformation
            $rows = Import-Csv $path
            $rows | Should -Not -BeNullOrEmpty
            $rows.Account | Sort-Object -Unique | Should -Be 'main'
            (Get-FxBalance -Account main | Out-String -Width 80) | Should -Match '(?m)^Binance\s+main\s+USDT'
            # An unnamed-account row has no Account: its empty CSV field binds back as the unnamed account.
            (Get-FxBalance | Select-Object -First 1).Account | Should -BeNullOrEmpty
        }

        It 'says Kraken cannot trade before asking any vault' {
            $script:asked = 0
            function global:Get-Secret { $script:asked++ }
            $e = { Get-FxBalance -Exchange Kraken -Account main } | Should -Throw -PassThru
            $e.FullyQualifiedErrorId | Should -BeLike 'Fluxum.NotSupported*'
            $e.CategoryInfo.Category | Should -Be 'NotImplemented'
            $e.Exception.Message | Should -Match 'Kraken.*trading'
            $script:asked | Should -Be 0
        }
    }

    Describe 'Health checks' {
        It 'Test-FxConnection -Quiet passes a scheduled check, and fails it when the exchange cannot be reached' {
            $script = New-TestScript 'health.ps1' "if (-not (Test-FxConnection -Quiet)) { exit 1 }`n'healthy'"
            $ok = Invoke-TestPwsh -File $script
            $ok.ExitCode | Should -Be 0 -Because $ok.Output
            $ok.Output.Trim() | Should -Be 'healthy'

            $down = Invoke-TestPwsh -File $script -Environment @{ FLUXUM_BINANCE_REST_URL = 'http://127.0.0.1:9'; FLUXUM_HTTP_TIMEOUT_SEC = '2' } -Timeout '00:01:00'
            $down.TimedOut | Should -BeFalse
            $down.ExitCode | Should -Be 1 -Because $down.Output
        }

        It 'shows one row per exchange in a table that fits 80 columns, with the demo key valid' {
            $rows = Get-FxExchange | Where-Object IsImplemented | Test-FxConnection
            $rows.Exchange | Should -Be @('Binance', 'Kraken')
            $rows | ForEach-Object { $_.Healthy | Should -BeTrue -Because $_.Problems }
            $rows[0].Credentials | Should -Be 'Valid'
            $rows[1].Credentials | Should -Be 'NotApplicable'
            $lines = Get-TableLines $rows 80
            $lines[0] | Should -Match '^Exchange\s+Account\s+Healthy\s+Offset\s+RttMs\s+Left%\s+Credentials\s+Problems'
            $lines[3] | Should -Match '^Kraken\s+True\s+-?\d+ s\s'
            $lines | Where-Object { $_.Length -gt 80 -or $_ -match '…' } | Should -BeNullOrEmpty
            ($rows | Out-String) | Should -Not -Match $env:BINANCE_API_SECRET
        }

        It 'Get-FxRateLimit shows the budgets in use in a table that fits 80 columns' {
            Get-FxServerTime | Out-Null
            $limits = Get-FxRateLimit -Exchange Binance
            ($limits | Where-Object Scope -eq Address).Name | Should -Contain 'weight'
            $lines = Get-TableLines $limits 80
            $lines[0] | Should -Match '^Exchange\s+Scope\s+Account\s+Name\s+Used\s+Limit\s+Used%\s+Window\s+BlockedUntil'
            $lines | Where-Object { $_.Length -gt 80 -or $_ -match '…' } | Should -BeNullOrEmpty
            $limits | Sort-Object PercentUsed -Descending | Select-Object -First 1 | Should -Not -BeNullOrEmpty
        }

        It 'Get-FxServerTime shows Kraken''s offset in whole seconds and Binance''s in milliseconds' {
            $text = Get-FxServerTime -Exchange Kraken | Out-String
            $text | Should -Match '(?m)^Kraken\s+\S+\s+\S+\s+-?\d+ s\s'
            $text | Should -Not -Match '\d ms'
            Get-FxServerTime -Exchange Binance | Out-String | Should -Match '(?m)^Binance\s+\S+\s+\S+\s+-?[\d.,]+ ms\s'
        }
    }
}
