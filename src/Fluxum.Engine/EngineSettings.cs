namespace Fluxum.Engine;

/// <summary>
/// Where the engine reads its FLUXUM_* settings (addresses, timeouts, stream behaviour): the process environment,
/// or, for tests and rehearsals, a set of variables laid over it (a test exchange venue hands out exactly these).
/// </summary>
internal sealed class EngineSettings
{
    private readonly Func<string, string?> _variable;

    private EngineSettings(Func<string, string?> variable) => _variable = variable;

    /// <summary>The process environment, read on every use (a script may set a variable between commands).</summary>
    public static EngineSettings Process { get; } = new(System.Environment.GetEnvironmentVariable);

    /// <summary><paramref name="variables"/> first, then the process environment.</summary>
    public static EngineSettings Over(IReadOnlyDictionary<string, string> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : System.Environment.GetEnvironmentVariable(name));

    public string? Variable(string name) => _variable(name) is { Length: > 0 } value ? value.Trim() : null;
}
