function New-FxForwardedError {
    # A copy of an error from a command a script function called, without that command's position, so that
    # the function's $PSCmdlet.WriteError attributes it to the function at the caller's line. The error id
    # keeps the exchange's code (Binance.-1121) and drops the inner command's name.
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $ErrorRecord)
    $id = ($ErrorRecord.FullyQualifiedErrorId -split ',')[0]
    $copy = [System.Management.Automation.ErrorRecord]::new($ErrorRecord.Exception, $id, $ErrorRecord.CategoryInfo.Category, $ErrorRecord.TargetObject)
    if ($ErrorRecord.ErrorDetails) { $copy.ErrorDetails = $ErrorRecord.ErrorDetails }
    $copy
}
