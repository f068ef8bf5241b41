using System.Reflection;
using System.Runtime.Loader;

namespace Fluxum.Commands.Loading;

/// <summary>
/// Loads Fluxum.Engine and its third-party dependencies from the module's Dependencies folder, isolated from
/// whatever versions other modules brought into the default context. Fluxum.Core and the framework are not
/// in that folder, so they resolve from the default context and their types stay shared with the cmdlets.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    public EngineLoadContext(string folder) : base("Fluxum.Engine", isCollectible: false)
    {
        _folder = folder;
    }

    protected override Assembly? Load(AssemblyName name)
    {
        if (name.Name is null || name.Name == "Fluxum.Core") return null;
        var path = Path.Combine(_folder, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = Path.Combine(_folder, unmanagedDllName);
        return File.Exists(path) ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
