# Get-Help as a person types it, in the real console: -Full, -Examples and -Parameter for every command,
# the about topic, and build.ps1's own help.
BeforeDiscovery {
    $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../Fluxum.psd1')
    $commands = @($manifest.CmdletsToExport) + @($manifest.FunctionsToExport)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ExampleRunner.ps1')
    Import-Module $Manifest -Force
    function Format-Words([string] $Text) { ($Text -split '\s+' | Where-Object { $_ }) -join ' ' }
}

Describe 'Get-Help <_>' -ForEach $commands {
    BeforeAll {
        $command = $_
        $page = Get-Content -Raw (Join-Path $RepoRoot "docs/en-US/$command.md")
    }

    It '-Full shows the synopsis, the syntax, every parameter and the examples' {
        $text = Get-Help $command -Full | Out-String -Width 120
        $help = Get-Help $command -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*Get-|^\s*\w+-Fx\w+ \['  # not the fallback (the syntax as the synopsis)
        $text | Should -Match 'SYNTAX'
        $text | Should -Match 'Example 1'
        foreach ($name in (Get-Command $command).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }) {
            $text | Should -Match "-$name\b"
        }
    }

    It '-Full shows the page''s synopsis, and a HelpUri for -Online' {
        $synopsis = [regex]::Match($page, '(?s)## SYNOPSIS\s+(.+?)\s+## ').Groups[1].Value
        Format-Words (Get-Help $command -Full).Synopsis | Should -Be (Format-Words $synopsis)
        (Get-Command $command).HelpUri | Should -Be "https://github.com/fluxum/fluxum/blob/main/docs/en-US/$command.md"
    }

    It '-Examples shows each example of the page, code as written' {
        $expected = @(Get-HelpPageExample -Path (Join-Path $RepoRoot "docs/en-US/$command.md") | ForEach-Object { Format-Words $_.Code })
        $shown = @((Get-Help $command -Examples).examples.example | ForEach-Object { Format-Words $_.code })
        $shown | Should -Be $expected
    }

    It '-Parameter shows the text of each parameter on the page' {
        $documented = [regex]::Matches($page, '(?m)^### -(\w+)') | ForEach-Object { $_.Groups[1].Value }
        $documented | Should -Not -BeNullOrEmpty
        foreach ($name in $documented) {
            $p = Get-Help $command -Parameter $name
            $p.name | Should -Be $name
            ($p.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'about_Fluxum' {
    It 'is found by Get-Help and tells how to point the module at the test exchange' {
        $text = Get-Help about_Fluxum | Out-String
        $text | Should -Match 'FLUXUM_BINANCE_REST_URL'
        $text | Should -Match ([regex]::Escape('$PSDefaultParameterValues'))
        $text | Should -Not -Match 'Order lists \(OCO and OTO\) and account' -Because 'OCO and OTO are in this version'
    }

    It 'has the manifest''s links and a description that matches this version' {
        $data = Import-PowerShellDataFile $Manifest
        $data.PrivateData.PSData.ProjectUri | Should -Not -BeNullOrEmpty
        $data.PrivateData.PSData.LicenseUri | Should -Not -BeNullOrEmpty
        $data.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
        $data.Description | Should -Not -Match 'to come'
        $data.Description | Should -Match 'stream'
    }
}

Describe 'build.ps1 help' {
    It 'Get-Help ./build.ps1 shows a synopsis and the tasks, not only the syntax' {
        $help = Get-Help (Join-Path $RepoRoot 'build.ps1') -Full
        $help.Synopsis | Should -Match 'Builds'
        ($help.parameters.parameter | Where-Object name -eq 'Task').description | Out-String | Should -Match 'Install'
        @($help.examples.example).Count | Should -BeGreaterThan 1
    }
}
