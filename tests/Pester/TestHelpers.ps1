# Shared by the *.Tests.ps1 files: dot-source it in BeforeAll. The xunit wrapper (tests/Fluxum.Pester.Tests)
# starts a local test exchange for each file and passes its addresses in FLUXUM_* variables.

$script:Manifest = $env:FLUXUM_MODULE_MANIFEST
if (-not $script:Manifest) { $script:Manifest = Join-Path $PSScriptRoot '../../out/Fluxum/Fluxum.psd1' }
$script:RepoRoot = if ($env:FLUXUM_REPO_ROOT) { $env:FLUXUM_REPO_ROOT } else { (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path }

function Get-TestConnectionCount {
    # Open stream connections on the test exchange: @{ binance = n; kraken = n }.
    Invoke-RestMethod -Uri "$env:FLUXUM_TEST_HARNESS_URL/connections"
}

function Wait-TestCondition {
    # Polls $Condition until it holds or $Timeout passes; returns whether it held.
    param([scriptblock] $Condition, [timespan] $Timeout = '00:00:05')
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    while ($clock.Elapsed -lt $Timeout) {
        if (& $Condition) { return $true }
        Start-Sleep -Milliseconds 50
    }
    [bool](& $Condition)
}

function Invoke-TestPwsh {
    # Runs a script file in a new pwsh as a scheduled task would (-NonInteractive -File, no profile, no console
    # input); returns its exit code and everything it printed.
    param([string] $File, [string[]] $Arguments = @(), [timespan] $Timeout = '00:01:00', [hashtable] $Environment = @{})
    # This pwsh again: the dotnet tool runs it as 'dotnet <PSHOME>/pwsh.dll'.
    $host_ = (Get-Process -Id $PID).Path
    $start = [System.Diagnostics.ProcessStartInfo]::new($host_)
    if ([IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($a in @('-NoLogo', '-NoProfile', '-NonInteractive', '-File', $File) + $Arguments) { $start.ArgumentList.Add($a) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $start.UseShellExecute = $false
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $process = [System.Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $exited = $process.WaitForExit([int]$Timeout.TotalMilliseconds)
    if (-not $exited) { $process.Kill($true); $process.WaitForExit() }
    [pscustomobject]@{
        ExitCode = if ($exited) { $process.ExitCode } else { $null }
        TimedOut = -not $exited
        Output   = $stdout.Result + $stderr.Result
    }
}
