# Export-Csv then Import-Csv of every output type: what comes back equals what went out, for every property
# plain CSV can carry (text, numbers, booleans, enums, times). Export-Csv writes a time as the culture's
# general format, to the second, so times are compared to the second; collections (a book's Bids) are not
# carried, and the help says how to export them instead (the last Describe).
BeforeDiscovery {
    $types = @(
        'Fluxum.Models.ExchangeInfo', 'Fluxum.Models.ServerTime', 'Fluxum.Models.SymbolInfo', 'Fluxum.Models.OrderBook',
        'Fluxum.Models.BookLevel', 'Fluxum.Models.FillEstimate', 'Fluxum.Models.Ticker', 'Fluxum.Models.PriceTicker',
        'Fluxum.Models.BookTicker', 'Fluxum.Models.Trade', 'Fluxum.Models.Candle', 'Fluxum.PriceComparison',
        'Fluxum.Trading.Order', 'Fluxum.Trading.Fill', 'Fluxum.Trading.Balance', 'Fluxum.Trading.AccountInfo',
        'Fluxum.Models.FxDefaults', 'Fluxum.Models.RateLimit', 'Fluxum.Models.ConnectionTest'
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'OutputTypes.ps1')
    Import-Module $Manifest -Force
    $script:Samples = Get-TestOutputSample

    function ConvertFrom-CsvText {
        # The value Import-Csv's text stands for, read back as the type that went out.
        param([string] $Text, [type] $Type)
        $t = if ([Nullable]::GetUnderlyingType($Type)) { [Nullable]::GetUnderlyingType($Type) } else { $Type }
        if ($t -eq [string]) { return $Text }
        if ($Text -eq '') { return $null }
        $culture = [cultureinfo]::CurrentCulture
        if ($t -eq [DateTimeOffset]) { return [DateTimeOffset]::Parse($Text, $culture) }
        if ($t -eq [TimeSpan]) { return [TimeSpan]::Parse($Text, $culture) }
        if ($t -eq [bool]) { return [bool]::Parse($Text) }
        if ($t.IsEnum) { return [Enum]::Parse($t, $Text) }
        if ($t -eq [decimal]) { return [decimal]::Parse($Text, [Globalization.NumberStyles]::Float, $culture) }
        $t::Parse($Text, $culture)
    }

    function Test-CsvCarries([type] $Type) {
        $t = if ([Nullable]::GetUnderlyingType($Type)) { [Nullable]::GetUnderlyingType($Type) } else { $Type }
        $t.IsPrimitive -or $t.IsEnum -or $t -in [string], [decimal], [DateTimeOffset], [DateTime], [TimeSpan]
    }
}

Describe 'Export-Csv and Import-Csv of <_>' -ForEach $types {
    It 'gives back every scalar property as it went out' {
        $type = $_
        $out = @($Samples[$type])
        $out | Should -Not -BeNullOrEmpty
        $path = Join-Path $TestDrive "$type.csv"
        $out | Export-Csv -Path $path -NoTypeInformation
        $back = @(Import-Csv -Path $path)
        $back.Count | Should -Be $out.Count
        for ($i = 0; $i -lt $out.Count; $i++) {
            foreach ($p in $out[$i].PSObject.Properties) {
                $value = $p.Value
                # CSV has no null: an absent value goes out as an empty field and comes back as ''.
                if ($null -eq $value) { $back[$i].($p.Name) | Should -Be '' -Because "$type row $i property $($p.Name)"; continue }
                $declared = $value.GetType()
                if (-not (Test-CsvCarries $declared)) { continue }
                $read = ConvertFrom-CsvText -Text $back[$i].($p.Name) -Type $declared
                if ($value -is [DateTimeOffset]) {
                    $value = [DateTimeOffset]::FromUnixTimeSeconds($value.ToUnixTimeSeconds())
                }
                $read | Should -Be $value -Because "$type row $i property $($p.Name)"
            }
        }
    }
}

Describe 'A book in a CSV file' {
    It 'exports its levels as flat rows with Select-Object -ExpandProperty, as the help says' {
        $book = Get-FxDepth BTCUSDT -Limit 10
        $path = Join-Path $TestDrive 'levels.csv'
        $book | ForEach-Object { $_.Bids; $_.Asks } | Export-Csv -Path $path -NoTypeInformation
        $rows = Import-Csv -Path $path
        $rows.Count | Should -Be 20
        ($rows | Select-Object -First 1).PSObject.Properties.Name | Should -Be @('Exchange', 'Symbol', 'Side', 'Price', 'Quantity', 'Notional')
        [decimal]$rows[0].Price | Should -Be $book.BestBid
        (Get-Help Get-FxDepth -Full | Out-String) | Should -Match 'BookLevel\[\]'
        (Get-Help about_Fluxum | Out-String) | Should -Match 'ExpandProperty Bids'
    }
}
