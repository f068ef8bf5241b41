#requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and installs the Fluxum module.
.DESCRIPTION
    A convenience wrapper for people who have pwsh. Every step is a plain dotnet command, so machines
    without pwsh (CI) run the same thing: `dotnet build Fluxum.slnx` lays out out/Fluxum, and
    `dotnet test Fluxum.slnx` runs every test.
.EXAMPLE
    ./build.ps1                 # build out/Fluxum
.EXAMPLE
    ./build.ps1 -Task Test      # build and run all tests
.EXAMPLE
    ./build.ps1 -Task Install   # build, then copy the module into your user module path
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Install', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$solution = Join-Path $root 'Fluxum.slnx'
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
        Invoke-Dotnet @('build', $solution, '-c', $Configuration)
        $manifest = Import-PowerShellDataFile (Join-Path $moduleOut 'Fluxum.psd1')
        $userModules = if ($IsWindows) {
            Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'PowerShell/Modules'
        } else {
            Join-Path $HOME '.local/share/powershell/Modules'
        }
        $target = Join-Path $userModules "Fluxum/$($manifest.ModuleVersion)"
        if (Test-Path $target) { Remove-Item $target -Recurse -Force }
        New-Item -ItemType Directory -Path $target -Force | Out-Null
        Copy-Item -Path (Join-Path $moduleOut '*') -Destination $target -Recurse
        Write-Host "Installed Fluxum $($manifest.ModuleVersion) to $target; run: Import-Module Fluxum"
    }
}
