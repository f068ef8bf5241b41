using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Module;

[Collection(ModuleCollection.Name)]
public class ModuleLayoutTests
{
    [Fact]
    public void Import_module_prints_nothing_and_exports_what_the_manifest_lists()
    {
        using var session = new PowerShellSession();
        var import = session.ImportResult!;
        Assert.Empty(import.Warnings);
        Assert.Empty(import.Errors);
        Assert.Empty(import.Output);

        var r = session.Invoke("""
            $m = Get-Module Fluxum
            $m.ModuleType.ToString()
            ($m.ExportedCmdlets.Keys | ForEach-Object { $_ }) -join ','
            ($m.ExportedFunctions.Keys | ForEach-Object { $_ }) -join ','
            $m.Version.ToString()
            """);
        r.AssertClean();
        Assert.Equal("Binary", r.Output[0].ToString());
        var manifest = File.ReadAllText(RepoPaths.Manifest);
        var listed = ManifestList(manifest, "CmdletsToExport");
        Assert.Equal(listed.OrderBy(x => x), r.Output[1].ToString()!.Split(',').OrderBy(x => x));
        Assert.Equal(ManifestList(manifest, "FunctionsToExport").OrderBy(x => x), r.Output[2].ToString()!.Split(',').OrderBy(x => x));
        Assert.DoesNotContain(manifest.Split('\n'), l => l.Contains("ToExport") && l.Contains('*'));

        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        Assert.Equal(Regex.Match(props, "<Version>(.*?)</Version>").Groups[1].Value, r.Output[3].ToString());
    }

    [Fact]
    public void Every_cmdlet_class_is_exported_and_every_export_is_a_cmdlet_class()
    {
        using var session = new PowerShellSession();
        var r = session.Invoke("""
            $asm = (Get-Module Fluxum).ImplementingAssembly
            $names = foreach ($t in $asm.GetTypes()) {
                foreach ($a in $t.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)) { $a.VerbName + '-' + $a.NounName }
            }
            $names -join ','
            """);
        r.AssertClean();
        var manifest = File.ReadAllText(RepoPaths.Manifest);
        Assert.Equal(ManifestList(manifest, "CmdletsToExport").OrderBy(x => x), r.Output[0].ToString()!.Split(',').OrderBy(x => x));
    }

    [Fact]
    public void Private_functions_stay_hidden_and_public_ones_are_visible()
    {
        using var session = new PowerShellSession();
        var r = session.Invoke("""
            [bool](Get-Command Compare-FxPrice -ErrorAction SilentlyContinue)
            [bool](Get-Command ConvertTo-FxBasisPoint -ErrorAction SilentlyContinue)
            """);
        Assert.Equal(new object[] { true, false }, r.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Module_folder_ships_no_assembly_PowerShell_already_has()
    {
        var dlls = Directory.GetFiles(RepoPaths.ModuleFolder, "*.dll", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoPaths.ModuleFolder, p).Replace('\\', '/')).ToList();
        Assert.Contains("Fluxum.dll", dlls);
        Assert.Contains("Fluxum.Core.dll", dlls);
        Assert.Contains("Dependencies/Fluxum.Engine.dll", dlls);
        foreach (var dll in dlls)
        {
            var name = Path.GetFileName(dll);
            Assert.False(name.StartsWith("System.Management.Automation", StringComparison.OrdinalIgnoreCase), dll);
            Assert.False(name.StartsWith("System.Text.Json", StringComparison.OrdinalIgnoreCase), dll);
            Assert.False(name.StartsWith("Newtonsoft.Json", StringComparison.OrdinalIgnoreCase), dll);
            Assert.False(name.StartsWith("Microsoft.PowerShell", StringComparison.OrdinalIgnoreCase), dll);
        }

        // Core is shared with the default context and must exist exactly once.
        Assert.DoesNotContain("Dependencies/Fluxum.Core.dll", dlls);
    }

    [Fact]
    public void Engine_loads_in_its_own_load_context_and_Core_in_the_default_one()
    {
        using var session = new PowerShellSession();
        var r = session.Invoke("""
            $null = Get-FxExchange
            foreach ($a in [System.AppDomain]::CurrentDomain.GetAssemblies()) {
                $n = $a.GetName().Name
                if ($n -eq 'Fluxum.Engine' -or $n -eq 'Fluxum.Core') { $n + '=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($a).Name }
            }
            """);
        r.AssertClean();
        var contexts = r.Output.Select(o => o.ToString()).ToList();
        Assert.Contains("Fluxum.Engine=Fluxum.Engine", contexts);
        Assert.Contains("Fluxum.Core=Default", contexts);
        Assert.Single(contexts, c => c!.StartsWith("Fluxum.Core"));
    }

    [Fact]
    public void Format_file_loads_and_every_output_type_has_a_view()
    {
        var path = Path.Combine(RepoPaths.ModuleFolder, "Fluxum.format.ps1xml");
        _ = new FormatTable(new[] { path }); // throws on a broken file
        var views = XDocument.Load(path).Descendants("ViewSelectedBy").Elements("TypeName").Select(e => e.Value).ToHashSet();

        using var session = new PowerShellSession();
        var r = session.Invoke("""
            foreach ($c in Get-Command -Module Fluxum) { foreach ($t in $c.OutputType) { $c.Name + '=' + $t.Name } }
            """);
        r.AssertClean();
        var outputs = r.Output.Select(o => o.ToString()!).ToList();
        Assert.NotEmpty(outputs);
        foreach (var pair in outputs)
        {
            var type = pair.Split('=')[1];
            if (type == "System.Void") continue; // writes nothing, needs no view
            Assert.True(views.Contains(type), $"{pair} has no table view in Fluxum.format.ps1xml");
        }

        var commands = session.Invoke("(Get-Command -Module Fluxum | ForEach-Object { $_.Name }) -join ','").Output[0].ToString()!.Split(',');
        foreach (var c in commands) Assert.Contains(outputs, o => o.StartsWith(c + "="));
    }

    [Fact]
    public void Types_file_loads_and_its_property_sets_name_real_properties()
    {
        var path = Path.Combine(RepoPaths.ModuleFolder, "Fluxum.types.ps1xml");
        _ = new TypeTable(new[] { path }); // throws on a broken file

        using var session = new PowerShellSession();
        var r = session.Invoke("""
            foreach ($o in (Get-FxSymbol BTCUSDT), (Get-FxDepth BTCUSDT -Limit 5), (Get-FxTicker BTCUSDT)) {
                $set = $o.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames
                foreach ($name in $set) { if (-not $o.GetType().GetProperty($name)) { "$($o.GetType().Name).$name is missing" } }
                "$($o.GetType().Name):$($set.Count)"
            }
            """);
        r.AssertClean();
        Assert.Equal(new[] { "SymbolInfo:12", "OrderBook:13", "Ticker:12" }, r.Output.Select(o => o.ToString()));
    }

    internal static string[] ManifestList(string manifest, string key)
    {
        var m = Regex.Match(manifest, key + @"\s*=\s*@\((.*?)\)", RegexOptions.Singleline);
        return Regex.Matches(m.Groups[1].Value, "'([^']+)'").Select(x => x.Groups[1].Value).ToArray();
    }
}
