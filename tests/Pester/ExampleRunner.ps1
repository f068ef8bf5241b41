# Runs documented examples as a reader would paste them, against the test exchange. Dot-source it.
#
# Rules, the same for the README and every help page:
# - An example is skipped when its page says why it cannot run offline: a line of its text starting with
#   "Not runnable offline:" (Get-Help shows that line too), or when it needs what a fresh machine lacks by
#   design: a person at a prompt (Get-Credential) or the SecretManagement module (Set-Secret, -SecretName).
# - Each example runs in a new runspace with the module imported and a temporary folder as its location, so a
#   relative file (balances.csv) lands there; a Windows path of a scheduled-task example (D:\data\...) is
#   mapped into that folder too.
# - An example that does not end by itself (a Watch command, or one with -Duration 01:00:00) is stopped, as
#   Ctrl+C would, 1 s after it first wrote output or a file, or after 8 s: it passes when it wrote no error.
# - An example passes when it ends (or is stopped) without an error record and without a terminating error.
# - Outside the Watch pages (another change's), no example may end in an ad-hoc table of numbers: an object
#   from Select-Object or [pscustomobject] whose decimal or double does not show in full, or a Format-Table
#   with a property list. PowerShell 7.3+ rounds those to the culture's two digits; the module's views do not.

$script:OfflineMarker = 'Not runnable offline:'

function Get-HelpPageExample {
    # The examples of one platyPS page: Page, Title, Code, Text (the prose around the code).
    param([string] $Path)
    $lines = Get-Content -Path $Path
    $inExamples = $false; $current = $null; $inCode = $false
    foreach ($line in $lines) {
        if ($line -match '^## ') {
            $inExamples = $line -eq '## EXAMPLES'
            if ($current) { $current; $current = $null }
            continue
        }
        if (-not $inExamples) { continue }
        if ($line -match '^### (.+)$') {
            if ($current) { $current }
            $current = [pscustomobject]@{ Page = [IO.Path]::GetFileName($Path); Title = $Matches[1]; Code = ''; Text = '' }
            continue
        }
        if (-not $current) { continue }
        if ($line -match '^```') { $inCode = -not $inCode; continue }
        if ($inCode) { $current.Code += $line + "`n" } else { $current.Text += $line + "`n" }
    }
    if ($current) { $current }
}

function Get-ReadmeExample {
    # Each command line of the README's PowerShell blocks is one example (they are independent lines).
    # Lines that build, import or point the module at the exchange are what the harness has already done.
    param([string] $Path)
    $inCode = $false; $n = 0
    foreach ($line in Get-Content -Path $Path) {
        if ($line -match '^```powershell') { $inCode = $true; continue }
        if ($line -match '^```') { $inCode = $false; continue }
        if (-not $inCode -or -not $line.Trim() -or $line.TrimStart().StartsWith('#')) { continue }
        if ($line -match '^\s*(dotnet|Import-Module|\$env:FLUXUM_)') { continue }
        $n++
        [pscustomobject]@{ Page = 'README.md'; Title = "line $n"; Code = $line; Text = '' }
    }
}

function Get-ExampleSkipReason {
    param($Example)
    $marked = ($Example.Text -split "`n") | Where-Object { $_.TrimStart().StartsWith($OfflineMarker) } | Select-Object -First 1
    if ($marked) { return $marked.Trim() }
    if ($Example.Code -match '\bGet-Credential\b') { return 'it prompts for a credential' }
    if ($Example.Code -match '\bSet-Secret\b|\bGet-Secret\b|-SecretName\b') { return 'it needs the SecretManagement module' }
    $null
}

function Invoke-DocumentedExample {
    # Runs one example by the rules above; returns Output, Errors, Terminating, Stopped, Folder, Rendered.
    param([string] $Code, [string] $Manifest)
    # $env: changes of an example ($env:BINANCE_TESTNET_API_KEY = ...) are undone after it, like a new console.
    $environment = [Environment]::GetEnvironmentVariables()
    $folder = Join-Path ([IO.Path]::GetTempPath()) ("fluxum-example-" + [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    $script = $Code -replace '[A-Za-z]:\\data\\', ($folder + [IO.Path]::DirectorySeparatorChar)
    $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    $iss.ImportPSModule($Manifest)
    $runspace = [runspacefactory]::CreateRunspace($iss)
    $runspace.Open()
    $runspace.SessionStateProxy.Path.SetLocation($folder) | Out-Null
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    [void]$ps.AddScript($script)
    $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $async = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $firstSign = $null
    while (-not $async.IsCompleted -and $clock.Elapsed.TotalSeconds -lt 8) {
        if (-not $firstSign -and ($output.Count -gt 0 -or [IO.Directory]::GetFiles($folder).Count -gt 0)) { $firstSign = $clock.Elapsed }
        if ($firstSign -and ($clock.Elapsed - $firstSign).TotalSeconds -ge 1) { break }
        Start-Sleep -Milliseconds 50
    }
    $stopped = -not $async.IsCompleted
    if ($stopped) { $ps.Stop() }
    $terminating = $null
    try { [void]$ps.EndInvoke($async) } catch [System.Management.Automation.PipelineStoppedException] { } catch { $terminating = $_ }
    $result = [pscustomobject]@{
        Output      = @($output)
        Errors      = @($ps.Streams.Error)
        Terminating = $terminating
        Stopped     = $stopped
        Folder      = $folder
        Rendered    = ($output | Out-String -Width 250)
    }
    $ps.Dispose(); $runspace.Dispose()
    foreach ($name in [Environment]::GetEnvironmentVariables().Keys) { if (-not $environment.Contains($name)) { [Environment]::SetEnvironmentVariable($name, $null) } }
    foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
    Remove-Item -Path $folder -Recurse -Force -ErrorAction SilentlyContinue
    $result
}

function Test-AdHocFormatTable {
    # Format-Table given a property list (not -View, not alone): its numbers print rounded.
    param([string] $Code)
    $Code -match '\bFormat-Table\s+(?!-View\b|-AutoSize\b|\||$)[A-Za-z@]'
}

function Get-RoundedForDisplay {
    # Numbers of ad-hoc objects (Select-Object, [pscustomobject]) that an ad-hoc table prints rounded to the
    # culture's digits: PowerShell 7.3+ shows 0.0001 as 0.00. Typed objects with a view are not ad hoc.
    param($Result)
    foreach ($o in $Result.Output) {
        if ($null -eq $o -or $o.PSObject.TypeNames[0] -notmatch '^(Selected\.|System\.Management\.Automation\.PSCustomObject)') { continue }
        foreach ($p in $o.PSObject.Properties) {
            if ($p.Value -is [decimal] -or $p.Value -is [double]) {
                $text = $p.Value.ToString()
                if ($Result.Rendered -notmatch [regex]::Escape($text)) { "$($p.Name) = $text" }
            }
        }
    }
}
