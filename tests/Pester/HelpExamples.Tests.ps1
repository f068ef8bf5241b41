# Every example of every help page in docs/en-US, run as a reader would paste it, against the test exchange
# and its demo account. The rules (what is skipped and why, how streams are stopped, where files go) are in
# ExampleRunner.ps1.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ExampleRunner.ps1')
    $examples = foreach ($page in Get-ChildItem (Join-Path $PSScriptRoot '../../docs/en-US') -Filter '*-Fx*.md') {
        foreach ($e in Get-HelpPageExample -Path $page.FullName) {
            if (-not (Get-ExampleSkipReason $e)) { @{ Example = $e; Page = $e.Page; Title = $e.Title } }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ExampleRunner.ps1')
}

Describe 'Help examples' {
    It 'every page has examples, and an example that is not run says why in the page' {
        foreach ($page in Get-ChildItem (Join-Path $RepoRoot 'docs/en-US') -Filter '*-Fx*.md') {
            $all = @(Get-HelpPageExample -Path $page.FullName)
            $all.Count | Should -BeGreaterThan 1 -Because $page.Name
            foreach ($e in $all) {
                $reason = Get-ExampleSkipReason $e
                if ($reason -and $e.Page -notlike 'Watch-Fx*') { $e.Text | Should -Match ([regex]::Escape($OfflineMarker)) -Because "$($e.Page) $($e.Title): $reason" }
            }
        }
    }
}

Describe '<Page>: <Title>' -ForEach $examples {
    It 'runs offline without an error, and prints no number rounded by an ad-hoc table' {
        $r = Invoke-DocumentedExample -Code $Example.Code -Manifest $Manifest
        $r.Terminating | Should -BeNullOrEmpty -Because $Example.Code
        ($r.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) -join "`n" | Should -BeNullOrEmpty -Because $Example.Code
        # The Watch pages belong to another change, which fixes their ad-hoc tables; only their errors count here.
        if ($Page -notlike 'Watch-Fx*') {
            Test-AdHocFormatTable $Example.Code | Should -BeFalse -Because 'an ad-hoc Format-Table rounds numbers to two digits: use a view'
            Get-RoundedForDisplay $r | Should -BeNullOrEmpty -Because "PowerShell rounds the numbers of ad-hoc tables:`n$($r.Rendered)"
        }
    }
}
