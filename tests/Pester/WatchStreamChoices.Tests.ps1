# What a user chooses about a stream: Watch-FxOrder -Type (one kind per CSV, with its values), Kraken's
# subscription snapshot left out unless -IncludeSnapshot, and a negative -Interval refused at binding.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $Manifest -Force

    function Invoke-WhileOrdering([scriptblock] $Watch) {
        # Places a market buy two seconds in, while $Watch runs here: it fills at once (a Fill, an Order, Balances).
        $placer = [powershell]::Create()
        [void]$placer.AddScript({
            param($manifest)
            Import-Module $manifest
            Start-Sleep -Seconds 2
            New-FxOrder BTCUSDT Buy 0.001 -Type Market -Force
        }).AddArgument($Manifest)
        $async = $placer.BeginInvoke()
        try { & $Watch }
        finally {
            [void]$placer.EndInvoke($async)
            $placer.Dispose()
        }
    }
}

Describe 'Watch-FxOrder -Type' {
    It 'writes only fills with -Type Fill, and their fee survives Export-Csv' {
        $csv = Join-Path $TestDrive 'fills.csv'
        Invoke-WhileOrdering { Watch-FxOrder -Type Fill -Count 1 -Duration 20 | Export-Csv $csv }
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be 1
        $rows[0].Symbol | Should -Be 'BTC/USDT'
        [decimal]$rows[0].Price | Should -BeGreaterThan 0
        $rows[0].PSObject.Properties.Name | Should -Contain 'Fee'
        $rows[0].FeeAsset | Should -Not -BeNullOrEmpty
        [decimal]$rows[0].Quantity | Should -Be 0.001
    }

    It 'writes only balances with -Type Balance, each row with its values' {
        $csv = Join-Path $TestDrive 'balances.csv'
        Invoke-WhileOrdering { Watch-FxOrder -Type Balance -Count 2 -Duration 20 | Export-Csv $csv }
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be 2
        foreach ($row in $rows) {
            $row.Exchange | Should -Be 'Binance'
            $row.Asset | Should -BeIn 'BTC', 'USDT'
            [decimal]$row.Free | Should -BeGreaterThan 0
            $row.Total | Should -Not -BeNullOrEmpty
        }
    }

    It 'writes only orders with -Type Order' {
        $csv = Join-Path $TestDrive 'orders.csv'
        Invoke-WhileOrdering { Watch-FxOrder -Type Order -Count 1 -Duration 20 | Export-Csv $csv }
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be 1
        $rows[0].Symbol | Should -Be 'BTC/USDT'
        $rows[0].OrderId | Should -Not -BeNullOrEmpty
    }

    It 'has a default table view for each kind' {
        foreach ($type in 'Fluxum.Trading.Order', 'Fluxum.Trading.Fill', 'Fluxum.Trading.Balance') {
            Get-FormatData -TypeName $type | Should -Not -BeNullOrEmpty -Because "$type needs its own view"
        }
    }
}

Describe 'Kraken snapshots' {
    It 'Watch-FxTrade starts with live trades, not the snapshot of the last 50' {
        $start = [datetimeoffset]::UtcNow
        $trades = @(Watch-FxTrade BTC/USD -Exchange Kraken -Count 3 -Duration 20)
        $trades.Count | Should -Be 3
        $trades | ForEach-Object { $_.Time | Should -BeGreaterThan $start.AddSeconds(-10) }
    }

    It 'Watch-FxTrade -IncludeSnapshot writes the snapshot first' {
        $start = [datetimeoffset]::UtcNow
        $trades = @(Watch-FxTrade BTC/USD -Exchange Kraken -IncludeSnapshot -Count 50 -Duration 20)
        $trades.Count | Should -Be 50
        @($trades | Where-Object Time -lt $start.AddSeconds(-20)).Count | Should -BeGreaterThan 0
    }
}

Describe 'Negative intervals' {
    It 'Watch-FxBook -Interval <_> is a parameter validation error' -ForEach @('-1', '-00:00:01') {
        $err = $null
        try { Watch-FxBook BTCUSDT -Interval $_ -Count 1 } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $err.ToString() | Should -BeLike '*negative*'
    }

    It 'Watch-FxTrade -Duration -5 is a parameter validation error' {
        { Watch-FxTrade BTCUSDT -Duration -5 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
