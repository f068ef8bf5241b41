# PowerShell looks for a function's help relative to its script file; the module's help is one folder up.

# .ExternalHelp ../Fluxum.dll-Help.xml
function Compare-FxPrice {
    [CmdletBinding(HelpUri = 'https://github.com/fluxum/fluxum/blob/main/docs/en-US/Compare-FxPrice.md')]
    [OutputType('Fluxum.PriceComparison')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [string[]] $Symbol,

        [Parameter(Position = 1)]
        [Fluxum.Models.ExchangeId[]] $Exchange = @('Binance', 'Kraken'),

        [Fluxum.Models.TradingEnvironment] $Environment = 'Live'
    )
    process {
        foreach ($name in $Symbol) {
            $quotes = foreach ($venue in $Exchange) {
                # A nested pipeline keeps Get-FxTicker's errors out of this command's own error stream (a
                # caller's -ErrorVariable and -ErrorAction see each error once); they are written again as
                # this command's, pointing at the caller's line rather than into this file.
                $inner = [powershell]::Create([System.Management.Automation.RunspaceMode]::CurrentRunspace)
                try {
                    [void]$inner.AddCommand('Fluxum\Get-FxTicker').AddParameters(@{
                        Symbol = $name; Exchange = $venue; Environment = $Environment; Type = 'Book'; ErrorAction = 'Continue'
                    })
                    $inner.Invoke()
                    foreach ($failure in $inner.Streams.Error) { $PSCmdlet.WriteError((New-FxForwardedError $failure)) }
                } finally {
                    $inner.Dispose()
                }
            }
            $quotes = @($quotes | Where-Object { $null -ne $_ })
            if ($quotes.Count -eq 0) { continue }
            # A loop, not Sort-Object: the function runs where only engine cmdlets exist.
            $bestBid = $quotes[0].BidPrice
            $bestAsk = $quotes[0].AskPrice
            foreach ($q in $quotes) {
                if ($q.BidPrice -gt $bestBid) { $bestBid = $q.BidPrice }
                if ($q.AskPrice -lt $bestAsk) { $bestAsk = $q.AskPrice }
            }
            foreach ($q in $quotes) {
                # BestBid/BestAsk are prices, as on a book; IsBestBid/IsBestAsk say whether this exchange has them.
                [pscustomobject]@{
                    PSTypeName      = 'Fluxum.PriceComparison'
                    Exchange        = $q.Exchange
                    Symbol          = $q.Symbol
                    NativeSymbol    = $q.NativeSymbol
                    BidPrice        = $q.BidPrice
                    AskPrice        = $q.AskPrice
                    Mid             = $q.Mid
                    BestBid         = $bestBid
                    BestAsk         = $bestAsk
                    BidVsBestBps    = ConvertTo-FxBasisPoint -Value $q.BidPrice -Reference $bestBid
                    AskVsBestBps    = ConvertTo-FxBasisPoint -Value $q.AskPrice -Reference $bestAsk
                    IsBestBid       = $q.BidPrice -eq $bestBid
                    IsBestAsk       = $q.AskPrice -eq $bestAsk
                }
            }
        }
    }
}
