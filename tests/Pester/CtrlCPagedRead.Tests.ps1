# Ctrl+C during a paged read that writes progress and a table, in a real interactive console: pwsh runs in a
# tmux pane (a real terminal, so its progress pane and cursor queries are live), the paged command prints rows
# for ~3 s, Ctrl+C is sent, and the prompt must come back and run the next line. Before the fix this hung pwsh
# for good nearly every time (the pipeline thread stuck in the progress pane reading the cursor position), so
# each case runs several times.
BeforeDiscovery {
    $cases = @(
        @{ Command = 'Get-FxCandle BTCUSDT -Interval 1m -StartTime 2020-01-01 | Format-Table' }
        @{ Command = "Get-FxTrade BTCUSDT -Aggregate -StartTime ([datetime]::UtcNow.AddHours(-12)) -EndTime ([datetime]::UtcNow) | Format-Table" }
    )
    $runs = 1..5
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $script:Tmux = (Get-Command tmux -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
    # This pwsh again: the dotnet tool runs it as 'dotnet <PSHOME>/pwsh.dll'.
    $hostPath = (Get-Process -Id $PID).Path
    $script:PwshLine = if ([IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { "'$hostPath' '$(Join-Path $PSHOME 'pwsh.dll')'" } else { "'$hostPath'" }

    function Get-PaneText([string] $Socket) {
        (& $script:Tmux -L $Socket capture-pane -p -t fx -S -200 -J) -join "`n"
    }

    function Wait-Pane([string] $Socket, [scriptblock] $Check, [timespan] $Timeout) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        while ($clock.Elapsed -lt $Timeout) {
            if (& $Check (Get-PaneText $Socket)) { return $true }
            Start-Sleep -Milliseconds 100
        }
        [bool](& $Check (Get-PaneText $Socket))
    }

    function Send-Line([string] $Socket, [string] $Line) {
        & $script:Tmux -L $Socket send-keys -t fx -l $Line
        & $script:Tmux -L $Socket send-keys -t fx Enter
    }
}

Describe 'Ctrl+C during <Command>' -ForEach $cases {
    It 'gives the prompt back (run <_>)' -ForEach $runs {
        $script:Tmux | Should -Not -BeNullOrEmpty -Because 'the console test drives pwsh through tmux (apt-get install tmux)'
        # A server of its own: it inherits this process's FLUXUM_* variables and is killed with everything in it.
        $socket = "fluxum-ctrlc-$PID-$_"
        # NO_COLOR would turn the progress pane's minimal view off; a user's console has it on.
        & $script:Tmux -L $socket new-session -d -s fx -x 120 -y 40 "env -u NO_COLOR $script:PwshLine -NoLogo -NoProfile"
        try {
            Wait-Pane $socket { param($t) $t -match '(?m)^PS .*>' } '00:00:30' | Should -BeTrue -Because 'pwsh starts'
            Send-Line $socket "Import-Module '$Manifest'; 'imported'"
            Wait-Pane $socket { param($t) $t -match '(?m)^imported\s*$' } '00:00:30' | Should -BeTrue -Because 'the module imports'

            Send-Line $socket $Command
            Wait-Pane $socket { param($t) @($t -split "`n" | Where-Object { $_.Trim() }).Count -gt 12 } '00:00:20' | Should -BeTrue -Because 'the paged read prints rows'
            Start-Sleep -Seconds 3
            & $script:Tmux -L $socket send-keys -t fx C-c
            Send-Line $socket "'ali' + 've'"
            $back = Wait-Pane $socket { param($t) $t -match '(?m)^alive\s*$' } '00:00:10'
            $back | Should -BeTrue -Because "pwsh must take the next line after Ctrl+C; the pane showed:`n$((Get-PaneText $socket) -split "`n" | Select-Object -Last 12 | Out-String)"
        }
        finally {
            & $script:Tmux -L $socket kill-server 2>$null
        }
    }
}
