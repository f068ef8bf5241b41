using System.Globalization;
using System.Text;

namespace Fluxum.Engine.Json;

/// <summary>
/// Where a value sits in an answer, as a chain from the root: names joined by dots, list positions in brackets
/// ("result.XXBTZUSD.bids[3][0]"). Spelled out only when something is wrong, so reading costs no strings.
/// </summary>
internal sealed class JsonFieldPath(JsonFieldPath? parent, string? name, int index)
{
    public JsonFieldPath? Parent { get; } = parent;

    /// <summary>The member name, or null for a list position.</summary>
    public string? Name { get; } = name;

    public int Index { get; } = index;

    /// <summary>The path of a value at <paramref name="name"/> (or <paramref name="index"/>) under <paramref name="parent"/>.</summary>
    public static string Spell(JsonFieldPath? parent, string? name, int index)
    {
        var text = new StringBuilder();
        Append(text, parent);
        Segment(text, name, index);
        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonFieldPath? path)
    {
        if (path is null) return;
        Append(text, path.Parent);
        Segment(text, path.Name, path.Index);
    }

    private static void Segment(StringBuilder text, string? name, int index)
    {
        if (name is not null)
        {
            if (text.Length > 0) text.Append('.');
            text.Append(name);
        }
        else if (index >= 0)
        {
            text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }
}
