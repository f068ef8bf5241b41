# Loads the module's script functions: private helpers first, then the public commands.
# [System.IO.Directory] rather than Get-ChildItem, which hosts without the Management module lack.
$private = [System.IO.Path]::Combine($PSScriptRoot, 'Private')
$public = [System.IO.Path]::Combine($PSScriptRoot, 'Public')
foreach ($folder in @($private, $public)) {
    if (-not [System.IO.Directory]::Exists($folder)) { continue }
    foreach ($file in [System.IO.Directory]::GetFiles($folder, '*.ps1')) {
        . $file
    }
}
