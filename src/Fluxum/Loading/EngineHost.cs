using Fluxum.Market;

namespace Fluxum.Commands.Loading;

/// <summary>The one engine of the process, created on first use (Import-Module does no work beyond registering).</summary>
internal static class EngineHost
{
    private static readonly Lazy<IFluxumEngine> Lazy = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IFluxumEngine Engine => Lazy.Value;

    /// <summary>Ends the engine's streams (their sockets close) if it ever started; nothing to do otherwise.</summary>
    public static void StopIfStarted()
    {
        if (Lazy.IsValueCreated) Lazy.Value.Stop();
    }

    public static string ModuleFolder => Path.GetDirectoryName(typeof(EngineHost).Assembly.Location)!;

    private static IFluxumEngine Create()
    {
        var folder = Path.Combine(ModuleFolder, "Dependencies");
        var context = new EngineLoadContext(folder);
        var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, "Fluxum.Engine.dll"));
        var type = assembly.GetType("Fluxum.Engine.FluxumEngine", throwOnError: true)!;
        return (IFluxumEngine)Activator.CreateInstance(type)!;
    }
}
