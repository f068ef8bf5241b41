using System.Text;

namespace Fluxum.HelpGen;

// What PowerShell itself says about a command (Get-Command metadata), copied out of the runspace into plain records.

/// <summary>The module's name, the help file name its cmdlets look for, and its exported commands.</summary>
public sealed record ModuleCommandSet(string ModuleName, string HelpFileName, IReadOnlyList<CommandModel> Commands);

/// <summary>
/// One cmdlet or function. ParameterSets lists the sets with the default one first; Parameters lists every parameter
/// (common ones included) in declaration order. HelpFile is the file Get-Help reads for it (for a function, the one
/// its `# .ExternalHelp` comment names; empty when it has none).
/// </summary>
public sealed record CommandModel(
    string Name,
    string CommandType,
    IReadOnlyList<ParameterSetModel> ParameterSets,
    IReadOnlyList<ParameterModel> Parameters,
    IReadOnlyList<string> OutputTypes,
    string HelpFile)
{
    public string Verb => Name.IndexOf('-') is var i and > 0 ? Name[..i] : Name;

    public string Noun => Name.IndexOf('-') is var i and > 0 ? Name[(i + 1)..] : "";

    public ParameterModel? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A parameter set: its name ("__AllParameterSets" when the command declares none) and its parameters.</summary>
public sealed record ParameterSetModel(string Name, bool IsDefault, IReadOnlyList<ParameterUsage> Parameters);

/// <summary>How a parameter takes part in one parameter set. Position is null for named parameters.</summary>
public sealed record ParameterUsage(
    string Name,
    string SetName,
    int? Position,
    bool IsMandatory,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName,
    bool ValueFromRemainingArguments);

/// <summary>
/// A parameter: full and short type names (`System.String[]` / `String[]`), aliases, the values a ValidateSet or an
/// enum type allows, wildcard support, DontShow, HelpMessage, and its usage in each set it belongs to.
/// </summary>
public sealed record ParameterModel(
    string Name,
    string TypeName,
    string ShortTypeName,
    bool IsSwitch,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> ValidValues,
    bool SupportsWildcards,
    bool DontShow,
    string HelpMessage,
    IReadOnlyList<ParameterUsage> Sets);

/// <summary>Type names as help shows them: nullable unwrapped, generics as `List[String]`, arrays as `String[]`.</summary>
public static class TypeNames
{
    public static string Full(Type type) => Format(type, full: true);

    public static string Short(Type type) => Format(type, full: false);

    /// <summary>The type whose values a parameter takes: nullable and array element types unwrapped.</summary>
    public static Type ElementType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        while (type.IsArray)
        {
            type = type.GetElementType()!;
            type = Nullable.GetUnderlyingType(type) ?? type;
        }

        return type;
    }

    private static string Format(Type type, bool full)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return Format(type.GetElementType()!, full) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        var name = full ? (type.FullName ?? type.Name) : NestedName(type);
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`');
        var sb = new StringBuilder(tick >= 0 ? name[..tick] : name).Append('[');
        sb.AppendJoin(",", type.GetGenericArguments().Select(a => Format(a, full)));
        return sb.Append(']').ToString();
    }

    private static string NestedName(Type type)
    {
        var name = type.IsGenericType ? type.GetGenericTypeDefinition().Name : type.Name;
        return type.IsNested && type.DeclaringType is { } outer ? NestedName(outer) + "+" + name : name;
    }
}
