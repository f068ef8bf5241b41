using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace Fluxum.HelpGen;

/// <summary>
/// Hosts PowerShell in-process, imports the module by its manifest and reads the exported cmdlets and functions with
/// Get-Command, copying the metadata help needs (parameter sets, parameters, attributes, OutputType) into records.
/// </summary>
public static class ModuleCommands
{
    /// <summary>Imports the manifest in a fresh runspace; throws when the import fails.</summary>
    public static ModuleCommandSet Load(string manifestPath)
    {
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            // Setting it elsewhere throws PlatformNotSupportedException when the runspace opens.
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;

        ps.AddCommand("Import-Module")
            .AddParameter("Name", Path.GetFullPath(manifestPath))
            .AddParameter("PassThru")
            .AddParameter("ErrorAction", ActionPreference.Stop);
        var module = Invoke(ps).Select(o => o.BaseObject).OfType<PSModuleInfo>().FirstOrDefault()
            ?? throw new InvalidOperationException($"Import-Module '{manifestPath}' returned no module.");

        ps.Commands.Clear();
        ps.AddCommand("Get-Command")
            .AddParameter("Module", module.Name)
            .AddParameter("CommandType", CommandTypes.Cmdlet | CommandTypes.Function)
            .AddParameter("ErrorAction", ActionPreference.Stop);
        var infos = Invoke(ps).Select(o => o.BaseObject).OfType<CommandInfo>()
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var commands = infos.Select(ToModel).ToList();
        return new ModuleCommandSet(module.Name, HelpFileName(module, infos), commands);
    }

    private static Collection<PSObject> Invoke(PowerShell ps)
    {
        Collection<PSObject> results;
        try
        {
            results = ps.Invoke();
        }
        catch (ActionPreferenceStopException e) when (e.ErrorRecord?.Exception is { } inner && inner != e)
        {
            // -ErrorAction Stop wraps the real error in "The running command stopped because ..."; report the real one.
            throw new InvalidOperationException(inner.Message, inner);
        }

        if (ps.HadErrors && ps.Streams.Error.Count > 0)
        {
            var error = ps.Streams.Error[0];
            throw new InvalidOperationException(error.Exception?.Message ?? error.ToString(), error.Exception);
        }

        return results;
    }

    /// <summary>The file the engine looks for: the cmdlets' HelpFile (`Fluxum.dll-Help.xml`), else from RootModule.</summary>
    private static string HelpFileName(PSModuleInfo module, IEnumerable<CommandInfo> commands)
    {
        var fromCmdlet = commands.OfType<CmdletInfo>().Select(c => c.HelpFile).FirstOrDefault(f => !string.IsNullOrEmpty(f));
        if (fromCmdlet is not null)
        {
            return Path.GetFileName(fromCmdlet);
        }

        var root = module.RootModule;
        return string.IsNullOrEmpty(root) || !root.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? module.Name + "-Help.xml"
            : Path.GetFileName(root) + "-Help.xml";
    }

    private static CommandModel ToModel(CommandInfo info)
    {
        var defaultSet = info switch
        {
            CmdletInfo cmdlet => cmdlet.DefaultParameterSet,
            FunctionInfo function => function.DefaultParameterSet,
            _ => null,
        };

        var sets = info.ParameterSets
            .Select(set => new ParameterSetModel(
                set.Name,
                set.IsDefault || string.Equals(set.Name, defaultSet, StringComparison.OrdinalIgnoreCase),
                set.Parameters.Select(p => new ParameterUsage(
                    p.Name,
                    set.Name,
                    p.Position == int.MinValue ? null : p.Position,
                    p.IsMandatory,
                    p.ValueFromPipeline,
                    p.ValueFromPipelineByPropertyName,
                    p.ValueFromRemainingArguments)).ToList()))
            .OrderByDescending(s => s.IsDefault)
            .ToList();

        var parameters = (info.Parameters ?? new Dictionary<string, ParameterMetadata>()).Values
            .Select(metadata => ToModel(metadata, sets))
            .ToList();

        var outputs = info.OutputType
            .Select(t => t.Type is { } type ? TypeNames.Full(type) : t.Name)
            .Where(n => !string.IsNullOrEmpty(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        // A function's HelpFile is only filled in once Get-Help has run, so read its `# .ExternalHelp` comment instead.
        var helpFile = info switch
        {
            CmdletInfo cmdlet => cmdlet.HelpFile,
            FunctionInfo function => function.ScriptBlock.Ast switch
            {
                FunctionDefinitionAst definition => definition.GetHelpContent()?.MamlHelpFile,
                ScriptBlockAst block => block.GetHelpContent()?.MamlHelpFile,
                _ => null,
            },
            _ => null,
        };

        return new CommandModel(info.Name, info.CommandType.ToString(), sets, parameters, outputs, helpFile ?? "");
    }

    private static ParameterModel ToModel(ParameterMetadata metadata, List<ParameterSetModel> sets)
    {
        var type = metadata.ParameterType ?? typeof(object);
        var validValues = metadata.Attributes.OfType<ValidateSetAttribute>().SelectMany(a => a.ValidValues).ToList();
        var element = TypeNames.ElementType(type);
        if (validValues.Count == 0 && element.IsEnum)
        {
            validValues = Enum.GetNames(element).ToList();
        }

        var parameterAttributes = metadata.Attributes.OfType<ParameterAttribute>().ToList();
        var usages = sets.SelectMany(s => s.Parameters)
            .Where(u => string.Equals(u.Name, metadata.Name, StringComparison.OrdinalIgnoreCase))
            .ToList();

        return new ParameterModel(
            metadata.Name,
            TypeNames.Full(type),
            TypeNames.Short(type),
            metadata.SwitchParameter,
            metadata.Aliases.ToList(),
            validValues,
            metadata.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
            parameterAttributes.Any(a => a.DontShow),
            parameterAttributes.Select(a => a.HelpMessage).FirstOrDefault(m => !string.IsNullOrEmpty(m)) ?? "",
            usages);
    }
}
