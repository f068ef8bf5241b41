using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Fluxum.Commands.Loading;

/// <summary>
/// Runs at Import-Module: makes sure Fluxum.Core binds to the copy beside Fluxum.dll in the default context
/// (it carries every type PowerShell sees, so there must be exactly one). No network, no engine start here; on
/// removal the engine, if it started, stops its streams.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveCore;

    /// <summary>Remove-Module: live streams end and close their sockets, so none outlives the module.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        EngineHost.StopIfStarted();
        AssemblyLoadContext.Default.Resolving -= ResolveCore;
    }

    private static Assembly? ResolveCore(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != "Fluxum.Core") return null;
        var path = Path.Combine(EngineHost.ModuleFolder, "Fluxum.Core.dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
