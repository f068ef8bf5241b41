using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Json;

/// <summary>
/// Reads the rows of a list answer one by one. One bad row neither fails the list nor shrinks it silently: it
/// is left out and reported by its place and the field that was wrong, and the other rows are returned.
/// </summary>
internal static class JsonRows
{
    /// <param name="read">Returns null to leave a row out on purpose (a symbol nobody asked for): no error then.</param>
    public static RowSet<T> Read<T>(IEnumerable<JsonField> rows, Func<JsonField, T?> read) where T : class
    {
        var items = new List<T>();
        List<FxException>? errors = null;
        foreach (var row in rows)
        {
            try
            {
                if (read(row) is { } item) items.Add(item);
            }
            catch (InvalidFieldException e)
            {
                (errors ??= new()).Add(e.LeftOutRow(row.Path));
            }
            catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
            {
                (errors ??= new()).Add(row.OutOfRange(e).LeftOutRow(row.Path));
            }
        }

        return new RowSet<T>(items, errors);
    }
}
