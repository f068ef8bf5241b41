# Export-FxCsv then Import-FxCsv of every output type, under en-GB and de-DE and across the two: what comes
# back is the same typed object, every property equal, milliseconds and decimals included. The last Describe
# shows what plain Export-Csv/Import-Csv loses, which is why the two commands exist (about_Fluxum says so).
BeforeDiscovery {
    $types = @(
        'Fluxum.Models.ExchangeInfo', 'Fluxum.Models.ServerTime', 'Fluxum.Models.SymbolInfo', 'Fluxum.Models.OrderBook',
        'Fluxum.Models.BookLevel', 'Fluxum.Models.FillEstimate', 'Fluxum.Models.Ticker', 'Fluxum.Models.PriceTicker',
        'Fluxum.Models.BookTicker', 'Fluxum.Models.Trade', 'Fluxum.Models.Candle', 'Fluxum.PriceComparison',
        'Fluxum.Trading.Order', 'Fluxum.Trading.Fill', 'Fluxum.Trading.Balance', 'Fluxum.Trading.AccountInfo'
    )
    $cultures = @(
        @{ Write = 'en-GB'; Read = 'en-GB' }, @{ Write = 'de-DE'; Read = 'de-DE' },
        @{ Write = 'de-DE'; Read = 'en-GB' }, @{ Write = 'en-GB'; Read = 'de-DE' }
    )
    $cases = foreach ($t in $types) { foreach ($c in $cultures) { @{ Type = $t; Write = $c.Write; Read = $c.Read } } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'OutputTypes.ps1')
    Import-Module $Manifest -Force
    $script:Samples = Get-TestOutputSample
    $script:Culture = [cultureinfo]::CurrentCulture

    function Get-CellProperty($Object) {
        # The properties a CSV cell carries: for a .NET object its own public scalar properties, for a
        # script object its note properties.
        $base = $Object.PSObject.BaseObject
        if ($base -is [System.Management.Automation.PSCustomObject]) { return $Object.PSObject.Properties | ForEach-Object { @{ Name = $_.Name; Value = $_.Value } } }
        foreach ($p in $base.GetType().GetProperties()) {
            $t = if ([Nullable]::GetUnderlyingType($p.PropertyType)) { [Nullable]::GetUnderlyingType($p.PropertyType) } else { $p.PropertyType }
            if ($t.IsPrimitive -or $t.IsEnum -or $t -in [string], [decimal], [DateTimeOffset], [DateTime], [TimeSpan]) {
                @{ Name = $p.Name; Value = $p.GetValue($base) }
            }
        }
    }

    function Assert-SameObject($Expected, $Actual, [string] $Because) {
        $Actual.PSObject.TypeNames[0] | Should -Be $Expected.PSObject.TypeNames[0] -Because $Because
        foreach ($p in Get-CellProperty $Expected) {
            $read = $Actual.($p.Name)
            if ($null -eq $p.Value) { $read | Should -BeNullOrEmpty -Because "$Because $($p.Name)"; continue }
            $read | Should -BeOfType $p.Value.GetType() -Because "$Because $($p.Name)"
            if ($p.Value -is [DateTimeOffset]) {
                # Ticks and offset, so milliseconds count.
                $read.UtcTicks | Should -Be $p.Value.UtcTicks -Because "$Because $($p.Name)"
                $read.Offset | Should -Be $p.Value.Offset -Because "$Because $($p.Name)"
            }
            elseif ($p.Value -is [decimal]) { $read.ToString([cultureinfo]::InvariantCulture) | Should -BeExactly $p.Value.ToString([cultureinfo]::InvariantCulture) -Because "$Because $($p.Name)" }
            else { $read | Should -Be $p.Value -Because "$Because $($p.Name)" }
        }
    }
}

AfterAll { [cultureinfo]::CurrentCulture = $script:Culture }

Describe 'Export-FxCsv and Import-FxCsv of <Type>, written under <Write>, read under <Read>' -ForEach $cases {
    AfterEach { [cultureinfo]::CurrentCulture = $script:Culture }

    It 'gives back the same typed objects, every property equal' {
        $out = @($Samples[$Type])
        $out | Should -Not -BeNullOrEmpty
        $path = Join-Path $TestDrive "$Type-$Write-$Read.csv"
        [cultureinfo]::CurrentCulture = $Write
        $out | Export-FxCsv -Path $path
        [cultureinfo]::CurrentCulture = $Read
        $back = @(Import-FxCsv -Path $path)
        $back.Count | Should -Be $out.Count
        for ($i = 0; $i -lt $out.Count; $i++) {
            Assert-SameObject $out[$i] $back[$i] "$Type row $i"
            if ($Type -eq 'Fluxum.Models.OrderBook') {
                foreach ($side in 'Bids', 'Asks') {
                    $back[$i].$side.Count | Should -Be $out[$i].$side.Count
                    for ($j = 0; $j -lt $out[$i].$side.Count; $j++) { Assert-SameObject $out[$i].$side[$j] $back[$i].$side[$j] "$Type row $i $side $j" }
                }
            }
        }
    }
}

Describe 'A book in an Export-FxCsv file' {
    It 'holds its levels as rows, not BookLevel[] cells' {
        $path = Join-Path $TestDrive 'book.csv'
        Get-FxDepth BTCUSDT -Limit 10 | Export-FxCsv -Path $path
        $lines = Get-Content $path
        $lines[0] | Should -Be '#FXTYPE Fluxum.Models.OrderBook'
        $lines[1] | Should -Match '^"Exchange","Symbol","Side","Price","Quantity","Time"'
        $lines.Count | Should -Be 22
        $lines -join "`n" | Should -Not -Match 'BookLevel\['
    }
}

Describe 'Plain Export-Csv and Import-Csv, for comparison' {
    AfterEach { [cultureinfo]::CurrentCulture = $script:Culture }

    It 'lose the milliseconds of a trade time, which Export-FxCsv keeps' {
        $trade = [Fluxum.Models.Trade]@{ Exchange = 'Binance'; Symbol = 'BTCUSDT'; Price = 64364.5; Quantity = 0.0015
            Time = [DateTimeOffset]::new(2026, 12, 2, 20, 33, 0, 123, [TimeSpan]::Zero) }
        [cultureinfo]::CurrentCulture = 'en-GB'
        $trade | Export-Csv -Path (Join-Path $TestDrive 'plain.csv') -NoTypeInformation
        $plain = Import-Csv -Path (Join-Path $TestDrive 'plain.csv')
        ([DateTimeOffset]::Parse($plain.Time)).Millisecond | Should -Be 0
        $plain.Time | Should -Not -Match '\.123'

        $trade | Export-FxCsv -Path (Join-Path $TestDrive 'fx.csv')
        (Import-FxCsv -Path (Join-Path $TestDrive 'fx.csv')).Time.Millisecond | Should -Be 123
    }

    It 'give back a different decimal when written under de-DE and read under en-GB' {
        $trade = [Fluxum.Models.Trade]@{ Exchange = 'Binance'; Symbol = 'BTCUSDT'; Price = 64364.5; Quantity = 0.0015 }
        [cultureinfo]::CurrentCulture = 'de-DE'
        $trade | Export-Csv -Path (Join-Path $TestDrive 'de.csv') -NoTypeInformation -UseCulture
        $trade | Export-FxCsv -Path (Join-Path $TestDrive 'de-fx.csv')
        [cultureinfo]::CurrentCulture = 'en-GB'
        $plain = Import-Csv -Path (Join-Path $TestDrive 'de.csv') -Delimiter ';'
        $plain.Price | Should -Be '64364,5'
        [decimal]::Parse($plain.Price) | Should -Not -Be 64364.5
        (Import-FxCsv -Path (Join-Path $TestDrive 'de-fx.csv')).Price | Should -Be 64364.5
    }
}
