@{
    RootModule           = 'Fluxum.dll'
    NestedModules        = @('Fluxum.psm1')
    ModuleVersion        = '0.1.0'
    GUID                 = '1f7e0317-18a0-4d0d-9417-f3e3aedf81d7'
    Author               = 'Fluxum contributors'
    CompanyName          = 'Fluxum'
    Copyright            = '(c) Fluxum contributors. All rights reserved.'
    Description          = 'One set of cmdlets over crypto exchanges: market data (symbols, order books, tickers, trades, candles), live streams with locally kept order books, and Binance spot trading (orders of every type, OCO and OTO, cancels, fills, balances), from Binance and Kraken spot. Futures and more exchanges follow.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('Fluxum.format.ps1xml')
    TypesToProcess       = @('Fluxum.types.ps1xml')
    CmdletsToExport      = @(
        'Connect-FxExchange'
        'Disconnect-FxExchange'
        'Export-FxCsv'
        'Get-FxAccount'
        'Get-FxBalance'
        'Get-FxCandle'
        'Get-FxDefault'
        'Get-FxDepth'
        'Get-FxExchange'
        'Get-FxMyTrade'
        'Get-FxOrder'
        'Get-FxRateLimit'
        'Get-FxServerTime'
        'Get-FxSymbol'
        'Get-FxTicker'
        'Get-FxTrade'
        'Import-FxCsv'
        'New-FxOrder'
        'Set-FxDefault'
        'Stop-FxOrder'
        'Test-FxConnection'
        'Wait-FxOrder'
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
            Tags         = @('crypto', 'exchange', 'trading', 'binance', 'kraken', 'orderbook', 'marketdata')
            ProjectUri   = 'https://github.com/fluxum/fluxum'
            LicenseUri   = 'https://github.com/fluxum/fluxum/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: market data, live streams and Binance spot trading (with OCO and OTO) over Binance and Kraken spot; views that fit 80 columns.'
        }
    }
}
