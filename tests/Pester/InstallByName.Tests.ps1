# ./build.ps1 -Task Install, then Import-Module Fluxum by name in a clean pwsh. The module goes to a temporary
# module folder named in PSModulePath, never into the user's own.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'build.ps1 -Task Install' {
    It 'installs a module that a clean pwsh imports by name and can use' {
        $modules = Join-Path $TestDrive 'Modules'
        $install = Invoke-TestPwsh -File (Join-Path $RepoRoot 'build.ps1') -Arguments @('-Task', 'Install', '-Destination', $modules) -Timeout '00:05:00'
        $install.ExitCode | Should -Be 0 -Because $install.Output
        $version = (Import-PowerShellDataFile (Join-Path $RepoRoot 'out/Fluxum/Fluxum.psd1')).ModuleVersion
        Join-Path $modules "Fluxum/$version/Fluxum.psd1" | Should -Exist

        $probe = Join-Path $TestDrive 'probe.ps1'
        Set-Content -Path $probe -Value @'
$ErrorActionPreference = 'Stop'
Import-Module Fluxum
$m = Get-Module Fluxum
$m.ModuleBase
$m.Version.ToString()
(Get-FxDepth BTCUSDT -Limit 5).BestBid -gt 0
(Get-Help Get-FxDepth).Synopsis
'@
        $separator = [IO.Path]::PathSeparator
        $r = Invoke-TestPwsh -File $probe -Environment @{ PSModulePath = $modules + $separator + $env:PSModulePath }
        $r.ExitCode | Should -Be 0 -Because $r.Output
        $lines = $r.Output -split "`r?`n"
        $lines[0] | Should -Be (Join-Path $modules "Fluxum/$version")
        $lines[1] | Should -Be $version
        $lines[2] | Should -Be 'True'
        $lines[3] | Should -Not -BeNullOrEmpty
    }
}
