# Every command line of the README's PowerShell blocks, run as a reader would type it, against the test
# exchange and its demo account. The rules are in ExampleRunner.ps1.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ExampleRunner.ps1')
    $examples = foreach ($e in Get-ReadmeExample -Path (Join-Path $PSScriptRoot '../../README.md')) {
        if (-not (Get-ExampleSkipReason $e)) { @{ Example = $e; Code = $e.Code } }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ExampleRunner.ps1')
}

Describe 'README: <Code>' -ForEach $examples {
    It 'runs offline without an error, and prints no number rounded by an ad-hoc table' {
        $r = Invoke-DocumentedExample -Code $Example.Code -Manifest $Manifest
        $r.Terminating | Should -BeNullOrEmpty
        ($r.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) -join "`n" | Should -BeNullOrEmpty
        Test-AdHocFormatTable $Example.Code | Should -BeFalse -Because 'an ad-hoc Format-Table rounds numbers to two digits: use a view (Format-Table -View Spread)'
        Get-RoundedForDisplay $r | Should -BeNullOrEmpty -Because "PowerShell rounds the numbers of ad-hoc tables:`n$($r.Rendered)"
    }
}
