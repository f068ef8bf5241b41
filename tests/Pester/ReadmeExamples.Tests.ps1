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
    Import-Module $Manifest -Force
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

Describe 'The test exchange README' {
    It 'gives a Kraken stream address that the module streams from' {
        $readme = Get-Content -Raw (Join-Path $RepoRoot 'tests/Fluxum.TestExchange/README.md')
        $addresses = [regex]::Matches($readme, 'FLUXUM_KRAKEN_WS_URL=(\S+?)`') | ForEach-Object { $_.Groups[1].Value }
        $addresses | Should -Not -BeNullOrEmpty
        $port = ([uri]$env:FLUXUM_KRAKEN_WS_URL).Port
        foreach ($address in $addresses) {
            $saved = $env:FLUXUM_KRAKEN_WS_URL
            try {
                $env:FLUXUM_KRAKEN_WS_URL = $address -replace ':5123', ":$port"
                $trades = @(Watch-FxTrade BTC/USD -Exchange Kraken -Count 1 -Duration 00:00:10 -ErrorAction Stop)
                $trades.Count | Should -Be 1 -Because "FLUXUM_KRAKEN_WS_URL=$address"
            } finally {
                $env:FLUXUM_KRAKEN_WS_URL = $saved
            }
        }
    }
}
