<#
.SYNOPSIS
    Builds, tests and installs the Fluxum module.
.DESCRIPTION
    A convenience wrapper for people who have pwsh. Every step is a plain dotnet command, so machines
    without pwsh (CI) run the same thing: `dotnet build Fluxum.slnx` lays out out/Fluxum, and
    `dotnet test Fluxum.slnx` runs every test (the xunit projects and the Pester files in tests/Pester, in the
    pwsh of the repository's local tool manifest).
.PARAMETER Task
    Build (the default) builds the solution and lays out out/Fluxum. Test builds and runs every test.
    Install builds the module and copies out/Fluxum into a module folder (-Destination), so that
    `Import-Module Fluxum` finds it by name. Clean removes the build output and out/Fluxum.
.PARAMETER Configuration
    Debug (the default) or Release.
.PARAMETER Destination
    Install only: the module folder to install into, one of the folders in $env:PSModulePath. The default is
    your own one: Documents/PowerShell/Modules on Windows, ~/.local/share/powershell/Modules elsewhere.
    The module lands in <Destination>/Fluxum/<version>.
.EXAMPLE
    ./build.ps1

    Builds the solution; the importable module is in out/Fluxum.
.EXAMPLE
    ./build.ps1 -Task Test

    Builds and runs all tests, as `dotnet test Fluxum.slnx` does.
.EXAMPLE
    ./build.ps1 -Task Install

    Builds the module, then copies it into your user module folder; then `Import-Module Fluxum` in any session.
.EXAMPLE
    ./build.ps1 -Task Install -Destination /opt/powershell/modules

    Installs into a shared module folder instead (it must be in $env:PSModulePath to be found by name).
#>
#requires -Version 7.4
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Install', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    [string] $Destination
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$solution = Join-Path $root 'Fluxum.slnx'
$moduleProject = Join-Path $root 'src/Fluxum/Fluxum.csproj'
$moduleOut = Join-Path $root 'out/Fluxum'

function Invoke-Dotnet {
    param([string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

switch ($Task) {
    'Clean' {
        Invoke-Dotnet @('clean', $solution, '-c', $Configuration)
        if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    }
    'Build' {
        Invoke-Dotnet @('build', $solution, '-c', $Configuration)
        Write-Host "Module laid out in $moduleOut"
    }
    'Test' {
        Invoke-Dotnet @('test', $solution, '-c', $Configuration)
    }
    'Install' {
        # The module project alone lays out out/Fluxum; the tests need not be built to install.
        Invoke-Dotnet @('build', $moduleProject, '-c', $Configuration)
        $manifest = Import-PowerShellDataFile (Join-Path $moduleOut 'Fluxum.psd1')
        if (-not $Destination) {
            $Destination = if ($IsWindows) {
                Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'PowerShell/Modules'
            } else {
                Join-Path $HOME '.local/share/powershell/Modules'
            }
        }
        $target = Join-Path $Destination "Fluxum/$($manifest.ModuleVersion)"
        if (Test-Path $target) { Remove-Item $target -Recurse -Force }
        New-Item -ItemType Directory -Path $target -Force | Out-Null
        Copy-Item -Path (Join-Path $moduleOut '*') -Destination $target -Recurse
        Write-Host "Installed Fluxum $($manifest.ModuleVersion) to $target; run: Import-Module Fluxum"
    }
}
