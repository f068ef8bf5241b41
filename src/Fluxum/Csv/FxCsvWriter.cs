using System.Management.Automation;
using Fluxum.Models;

namespace Fluxum.Commands.Csv;

/// <summary>Writes objects of one type as culture-independent CSV under a line naming the type.</summary>
public sealed class FxCsvWriter
{
    private readonly TextWriter _writer;

    /// <param name="schema">The schema of the file appended to (its header already written), or null to write a new one at the first object.</param>
    public FxCsvWriter(TextWriter writer, FxCsvSchema? schema = null)
    {
        _writer = writer;
        Schema = schema;
    }

    public FxCsvSchema? Schema { get; private set; }

    /// <summary>Writes one object (a book as its level rows); false when it is not of the file's type.</summary>
    public bool Write(object item)
    {
        if (Schema is null)
        {
            Schema = FxCsvSchema.For(item);
            _writer.WriteLine(FxCsvSchema.TypeMarker + Schema.TypeName);
            if (Schema.ClrType is null) _writer.WriteLine(FxCsvSchema.ColumnTypesMarker + string.Join(",", Schema.Columns.Select(c => c.Type.FullName)));
            _writer.WriteLine(FxCsvText.Line(Schema.Columns.Select(c => c.Name)));
        }

        if (!Matches(item)) return false;
        if (Schema.IsBook)
        {
            var book = (OrderBook)FxCsvSchema.Unwrap(item);
            var levels = book.Bids.Concat(book.Asks).Select(l => (BookLevel?)l).ToList();
            if (levels.Count == 0) levels.Add(null);
            foreach (var level in levels)
            {
                var cells = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["Exchange"] = book.Exchange, ["Symbol"] = book.Symbol, ["Side"] = level?.Side, ["Price"] = level?.Price,
                    ["Quantity"] = level?.Quantity, ["Time"] = book.Time, ["NativeSymbol"] = book.NativeSymbol,
                    ["UpdateId"] = book.UpdateId, ["Resyncs"] = book.Resyncs,
                };
                _writer.WriteLine(FxCsvText.Line(Schema.Columns.Select(c => FxCsvValues.Format(cells.GetValueOrDefault(c.Name)))));
            }

            return true;
        }

        _writer.WriteLine(FxCsvText.Line(Schema.Columns.Select(c => FxCsvValues.Format(ValueOf(item, c.Name)))));
        return true;
    }

    /// <summary>The type name written for an object, as the file's first line would hold it.</summary>
    public static string TypeNameOf(object item) => FxCsvSchema.For(item).TypeName;

    private bool Matches(object item) => Schema!.ClrType is { } t ? FxCsvSchema.Unwrap(item).GetType() == t : TypeNameOf(item) == Schema.TypeName;

    private static object? ValueOf(object item, string name)
    {
        if (item is PSObject ps && ps.BaseObject is PSCustomObject) return ps.Properties[name]?.Value is { } v ? FxCsvSchema.Unwrap(v) : null;
        var raw = FxCsvSchema.Unwrap(item);
        return raw.GetType().GetProperty(name)?.GetValue(raw);
    }
}
