# ConvertTo-Json of the output objects. The module's enums (Side, Status, Type, Exchange) are .NET enums, so a
# plain ConvertTo-Json writes their numbers; about_Fluxum says to pass -EnumsAsStrings, which writes the names
# people filter on. Decimals keep every digit and times are ISO 8601.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $Manifest -Force
}

Describe 'ConvertTo-Json' {
    It 'with -EnumsAsStrings writes enums as their names, decimals in full and ISO times' {
        $trade = Get-FxTrade BTCUSDT -Limit 1
        $json = $trade | ConvertTo-Json -EnumsAsStrings
        $json | Should -Match ('"Side":\s*"' + $trade.Side + '"')
        $json | Should -Match '"Exchange":\s*"Binance"'
        $json | Should -Match ('"Price":\s*' + [regex]::Escape($trade.Price.ToString([cultureinfo]::InvariantCulture)))
        $back = $json | ConvertFrom-Json
        [DateTimeOffset]$back.Time | Should -Be $trade.Time
        $back.Id | Should -Be $trade.Id
    }

    It 'without it writes the enum numbers, which about_Fluxum warns about' {
        $json = Get-FxTrade BTCUSDT -Limit 1 | ConvertTo-Json
        $json | Should -Match '"Side":\s*\d'
        (Get-Help about_Fluxum | Out-String) | Should -Match 'EnumsAsStrings'
    }

    It 'writes an order book with its levels when -Depth reaches them' {
        $json = Get-FxDepth BTCUSDT -Limit 2 | ConvertTo-Json -Depth 3 -EnumsAsStrings
        $back = $json | ConvertFrom-Json
        $back.Bids.Count | Should -Be 2
        $back.Bids[0].Side | Should -Be 'Bid'
    }
}
