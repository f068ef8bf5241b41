# One or more objects of every output type the module writes, fetched from the test exchange (and the demo
# account the xunit wrapper funds), keyed by type name. Dot-source after TestHelpers.ps1 and Import-Module.

function Get-TestOutputSample {
    $limit = New-FxOrder BTCUSDT Buy 0.001 -Price 30000 -ErrorAction Stop
    $market = New-FxOrder BTCUSDT Buy 0.01 -Type Market -Force -ErrorAction Stop
    $book = Get-FxDepth BTCUSDT -Limit 20
    [ordered]@{
        'Fluxum.Models.ExchangeInfo'   = @(Get-FxExchange)
        'Fluxum.Models.ServerTime'     = @(Get-FxServerTime -Exchange Binance; Get-FxServerTime -Exchange Kraken)
        'Fluxum.Models.SymbolInfo'     = @(Get-FxSymbol -Quote USDT; Get-FxSymbol XBTUSD -Exchange Kraken)
        'Fluxum.Models.OrderBook'      = @($book; Get-FxDepth LUNAUSDT -Limit 5; Get-FxDepth XBTUSD -Exchange Kraken -Limit 10)
        'Fluxum.Models.BookLevel'      = @($book.Bids; $book.Asks)
        'Fluxum.Models.FillEstimate'   = @($book.EstimateFill('Buy', 0.5); $book.EstimateFill('Sell', 0.123456))
        'Fluxum.Models.Ticker'         = @(Get-FxTicker BTCUSDT, ETHUSDT, LUNAUSDT, ETHBTC; Get-FxTicker XBTUSD -Exchange Kraken)
        'Fluxum.Models.PriceTicker'    = @(Get-FxTicker BTCUSDT, LUNAUSDT -Type Price)
        'Fluxum.Models.BookTicker'     = @(Get-FxTicker BTCUSDT, ETHBTC -Type Book; Get-FxTicker XBTUSD -Exchange Kraken -Type Book)
        'Fluxum.Models.Trade'          = @(Get-FxTrade BTCUSDT -Limit 5; Get-FxTrade XBTUSD -Exchange Kraken -Limit 5)
        'Fluxum.Models.Candle'         = @(Get-FxCandle BTCUSDT -Limit 5; Get-FxCandle XBTUSD -Exchange Kraken -Interval 1d -Limit 3)
        'Fluxum.PriceComparison'       = @(Compare-FxPrice BTC/USDT, ETH/BTC)
        'Fluxum.Trading.Order'         = @($limit; $market; Get-FxOrder BTCUSDT -OrderId $market.OrderId)
        'Fluxum.Trading.Fill'          = @(Get-FxMyTrade BTCUSDT)
        'Fluxum.Trading.Balance'       = @(Get-FxBalance)
        'Fluxum.Trading.AccountInfo'   = @(Get-FxAccount)
        'Fluxum.Models.FxDefaults'     = @(Get-FxDefault)
        'Fluxum.Models.RateLimit'      = @(Get-FxRateLimit -Exchange Binance, Kraken)
        'Fluxum.Models.ConnectionTest' = @(Test-FxConnection; Test-FxConnection -Exchange Kraken)
    }
}
