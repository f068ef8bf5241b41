using System.Collections;
using Fluxum.Errors;

namespace Fluxum.Models;

/// <summary>
/// The rows of a list answer that could be read, and one error for each row that could not (naming the row and
/// the field). A bad row neither kills the list nor vanishes from it: whoever writes the rows writes the errors
/// too, so "no open orders" can never be what an unreadable answer looks like.
/// </summary>
public sealed class RowSet<T> : IReadOnlyList<T>
{
    public RowSet(IReadOnlyList<T> items, IReadOnlyList<FxException>? errors = null)
    {
        Items = items;
        Errors = errors ?? Array.Empty<FxException>();
    }

    public static RowSet<T> Empty { get; } = new(Array.Empty<T>());

    public IReadOnlyList<T> Items { get; }

    /// <summary>One per row that was left out, in the order the rows came.</summary>
    public IReadOnlyList<FxException> Errors { get; }

    /// <summary>How many rows the answer held, read or not: a full page is one that held as many as were asked for.</summary>
    public int Rows => Items.Count + Errors.Count;

    public int Count => Items.Count;

    /// <summary>The same errors beside other items (the rows kept after filtering these).</summary>
    public RowSet<T> WithItems(IReadOnlyList<T> items) => new(items, Errors);

    /// <summary>
    /// Hands each error to <paramref name="report"/>; with nobody to hand them to, the first is thrown, so a row
    /// never vanishes unnoticed.
    /// </summary>
    public void ReportErrors(Action<FxException>? report)
    {
        if (Errors.Count == 0) return;
        if (report is null) throw Errors[0];
        foreach (var e in Errors) report(e);
    }

    public T this[int index] => Items[index];

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
