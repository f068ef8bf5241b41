using System.Management.Automation;
using System.Reflection;
using Fluxum.Models;

namespace Fluxum.Commands.Csv;

/// <summary>
/// Reads a file FxCsvWriter wrote back into the Fluxum objects it came from: real instances with their
/// properties set (through the constructor whose parameters are columns, then the settable properties), so
/// views, methods and type checks work as on the originals.
/// </summary>
public static class FxCsvReader
{
    public static IEnumerable<object> Read(TextReader reader)
    {
        var first = reader.ReadLine();
        if (first is null) yield break;
        if (!first.StartsWith(FxCsvSchema.TypeMarker, StringComparison.Ordinal))
        {
            throw new FormatException($"The file does not start with '{FxCsvSchema.TypeMarker.Trim()} <type>': it was not written by Export-FxCsv.");
        }

        var typeName = first[FxCsvSchema.TypeMarker.Length..].Trim();
        List<string>? columnTypes = null;
        if (reader.Peek() == '#')
        {
            var line = reader.ReadLine()!;
            if (line.StartsWith(FxCsvSchema.ColumnTypesMarker, StringComparison.Ordinal)) columnTypes = line[FxCsvSchema.ColumnTypesMarker.Length..].Split(',').ToList();
        }

        var header = FxCsvText.ReadRecord(reader);
        if (header is null) yield break;
        var schema = FxCsvSchema.FromFile(typeName, header.Select(h => h ?? "").ToList(), columnTypes);
        var rows = Rows(reader, schema);
        if (schema.IsBook)
        {
            foreach (var book in Books(rows)) yield return book;
            yield break;
        }

        var make = Maker(schema);
        foreach (var row in rows) yield return make(row);
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(TextReader reader, FxCsvSchema schema)
    {
        int line = 0;
        while (FxCsvText.ReadRecord(reader) is { } record)
        {
            line++;
            if (record.Count == 1 && record[0] is null) continue; // a blank line
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < schema.Columns.Count; i++)
            {
                var column = schema.Columns[i];
                var text = i < record.Count ? record[i] : null;
                try
                {
                    row[column.Name] = FxCsvValues.Parse(text, column.Type);
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                {
                    throw new FormatException($"Row {line}, column {column.Name}: '{text}' is not a {column.Type.Name}.", e);
                }
            }

            yield return row;
        }
    }

    private static Func<Dictionary<string, object?>, object> Maker(FxCsvSchema schema)
    {
        if (schema.ClrType is not { } type)
        {
            return row =>
            {
                var ps = new PSObject();
                ps.TypeNames.Insert(0, schema.TypeName);
                foreach (var c in schema.Columns) ps.Properties.Add(new PSNoteProperty(c.Name, row[c.Name]));
                return ps;
            };
        }

        var columns = schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ctor = type.GetConstructors().Where(c => c.GetParameters().All(p => columns.Contains(p.Name!)))
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new FormatException($"{type.FullName} cannot be made from the columns {string.Join(", ", columns)}.");
        var parameters = ctor.GetParameters();
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && columns.Contains(p.Name) && !parameters.Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return row =>
        {
            var instance = ctor.Invoke(parameters.Select(p => Convert(row[p.Name!], p.ParameterType)).ToArray());
            foreach (var p in settable) p.SetValue(instance, Convert(row[p.Name], p.PropertyType));
            return instance;
        };
    }

    private static object? Convert(object? value, Type type) =>
        value is null && type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : value;

    /// <summary>Consecutive level rows of one book state (exchange, symbol, time, update id) become one OrderBook.</summary>
    private static IEnumerable<OrderBook> Books(IEnumerable<Dictionary<string, object?>> rows)
    {
        List<Dictionary<string, object?>> current = new();
        foreach (var row in rows)
        {
            if (current.Count > 0 && !SameBook(current[0], row))
            {
                yield return Book(current);
                current = new();
            }

            current.Add(row);
        }

        if (current.Count > 0) yield return Book(current);
    }

    private static bool SameBook(Dictionary<string, object?> a, Dictionary<string, object?> b) =>
        new[] { "Exchange", "Symbol", "Time", "UpdateId", "NativeSymbol" }.All(k => Equals(a.GetValueOrDefault(k), b.GetValueOrDefault(k)));

    private static OrderBook Book(List<Dictionary<string, object?>> rows)
    {
        var head = rows[0];
        var exchange = (ExchangeId)head["Exchange"]!;
        var symbol = (string)head["Symbol"]!;
        BookLevel Level(Dictionary<string, object?> r) => new(exchange, symbol, (BookSide)r["Side"]!, (decimal)r["Price"]!, (decimal)r["Quantity"]!);
        return new OrderBook(exchange, symbol, head.GetValueOrDefault("NativeSymbol") as string ?? symbol,
            head.GetValueOrDefault("UpdateId") as long? ?? 0, (DateTimeOffset)head["Time"]!,
            rows.Where(r => r["Side"] is BookSide.Bid).Select(Level).ToList(),
            rows.Where(r => r["Side"] is BookSide.Ask).Select(Level).ToList())
        {
            Resyncs = head.GetValueOrDefault("Resyncs") as int? ?? 0,
        };
    }
}
