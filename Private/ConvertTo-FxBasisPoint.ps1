function ConvertTo-FxBasisPoint {
    # The distance of $Value from $Reference in basis points (1/100 of a percent), rounded to 2 places.
    [CmdletBinding()]
    [OutputType([decimal])]
    param(
        [Parameter(Mandatory)] [decimal] $Value,
        [Parameter(Mandatory)] [decimal] $Reference
    )
    if ($Reference -eq 0) { return [decimal]0 }
    [System.Math]::Round(($Value - $Reference) / $Reference * 10000, 2)
}
