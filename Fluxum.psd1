@{
    RootModule           = 'Fluxum.dll'
    NestedModules        = @('Fluxum.psm1')
    ModuleVersion        = '0.1.0'
    GUID                 = '1f7e0317-18a0-4d0d-9417-f3e3aedf81d7'
    Author               = 'Fluxum contributors'
    CompanyName          = 'Fluxum'
    Copyright            = '(c) Fluxum contributors. All rights reserved.'
    Description          = 'One set of cmdlets over many crypto exchanges: market data, order books, candles and trades from Binance and Kraken, with more exchanges, streams and trading to come.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('Fluxum.format.ps1xml')
    TypesToProcess       = @('Fluxum.types.ps1xml')
    CmdletsToExport      = @(
        'Connect-FxExchange'
        'Disconnect-FxExchange'
        'Get-FxAccount'
        'Get-FxBalance'
        'Get-FxCandle'
        'Get-FxDepth'
        'Get-FxExchange'
        'Get-FxMyTrade'
        'Get-FxOrder'
        'Get-FxServerTime'
        'Get-FxSymbol'
        'Get-FxTicker'
        'Get-FxTrade'
        'New-FxOrder'
        'Stop-FxOrder'
        'Watch-FxBook'
        'Watch-FxCandle'
        'Watch-FxOrder'
        'Watch-FxTicker'
        'Watch-FxTrade'
    )
    FunctionsToExport    = @(
        'Compare-FxPrice'
    )
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('crypto', 'exchange', 'trading', 'binance', 'kraken', 'orderbook', 'marketdata')
            ProjectUri = 'https://github.com/fluxum/fluxum'
        }
    }
}
