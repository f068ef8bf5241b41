using System.Management.Automation;
using System.Reflection;
using Fluxum.Models;

namespace Fluxum.Commands.Csv;

/// <summary>One column: a property name and the type its text is read back as.</summary>
public sealed record FxCsvColumn(string Name, Type Type);

/// <summary>
/// What a file holds: the Fluxum type (the first line, <c>#FXTYPE name</c>) and its columns. Columns of a .NET type
/// come from its public properties by reflection, so a property changing type (ids becoming strings) needs no change here.
/// A script object (Compare-FxPrice's) has no .NET type, so its column types are written on a <c>#FXCOLUMNTYPES</c> line.
/// </summary>
public sealed class FxCsvSchema
{
    public const string TypeMarker = "#FXTYPE ";
    public const string ColumnTypesMarker = "#FXCOLUMNTYPES ";

    private FxCsvSchema(string typeName, Type? clrType, IReadOnlyList<FxCsvColumn> columns)
    {
        TypeName = typeName;
        ClrType = clrType;
        Columns = columns;
    }

    public string TypeName { get; }

    /// <summary>Null for a script object (a PSCustomObject with a type name).</summary>
    public Type? ClrType { get; }
    public IReadOnlyList<FxCsvColumn> Columns { get; }

    /// <summary>A book is written as one row per level, with the book's own fields repeated on each.</summary>
    public bool IsBook => ClrType == typeof(OrderBook);

    public static readonly IReadOnlyList<FxCsvColumn> BookColumns = new FxCsvColumn[]
    {
        // Nullable level cells: a book with no levels is one row without them, so it is not lost.
        new("Exchange", typeof(ExchangeId)), new("Symbol", typeof(string)), new("Side", typeof(BookSide?)),
        new("Price", typeof(decimal?)), new("Quantity", typeof(decimal?)), new("Time", typeof(DateTimeOffset)),
        new("NativeSymbol", typeof(string)), new("UpdateId", typeof(long)), new("Resyncs", typeof(int)),
    };

    public static FxCsvSchema For(object item)
    {
        if (item is PSObject ps && ps.BaseObject is PSCustomObject)
        {
            var name = ps.TypeNames.FirstOrDefault(n => n != typeof(PSCustomObject).FullName) ?? typeof(PSCustomObject).FullName!;
            var columns = ps.Properties.Select(p => new FxCsvColumn(p.Name, p.Value is { } v && FxCsvValues.IsCell(v.GetType()) ? v.GetType() : typeof(string))).ToList();
            return new FxCsvSchema(name, null, columns);
        }

        return ForType(Unwrap(item).GetType());
    }

    public static FxCsvSchema ForType(Type type) =>
        type == typeof(OrderBook) ? new FxCsvSchema(type.FullName!, type, BookColumns) : new FxCsvSchema(type.FullName!, type, CellProperties(type).Select(p => new FxCsvColumn(p.Name, p.PropertyType)).ToList());

    /// <summary>The schema a file's first lines name. Only Fluxum's own types are made from a file: a CSV must not choose what .NET constructs.</summary>
    public static FxCsvSchema FromFile(string typeName, IReadOnlyList<string> header, IReadOnlyList<string>? columnTypes)
    {
        var type = FluxumType(typeName);
        if (type is null)
        {
            var types = columnTypes ?? header.Select(_ => typeof(string).FullName!).ToList();
            var columns = header.Select((h, i) => new FxCsvColumn(h, i < types.Count ? ScalarType(types[i]) : typeof(string))).ToList();
            return new FxCsvSchema(typeName, null, columns);
        }

        var known = ForType(type).Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        return new FxCsvSchema(typeName, type, header.Select(h => known.TryGetValue(h, out var c) ? c with { Name = h } : new FxCsvColumn(h, typeof(string))).ToList());
    }

    public static object Unwrap(object item) => item is PSObject ps ? ps.BaseObject : item;

    public static IEnumerable<PropertyInfo> CellProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && FxCsvValues.IsCell(p.PropertyType));

    private static Type? FluxumType(string name)
    {
        foreach (var assembly in new[] { typeof(OrderBook).Assembly, typeof(FxCsvSchema).Assembly })
        {
            if (assembly.GetType(name, throwOnError: false) is { } t && t.IsPublic) return t;
        }

        return null;
    }

    private static Type ScalarType(string name)
    {
        var t = Type.GetType(name, throwOnError: false) ?? FluxumType(name.TrimEnd('?'));
        return t is not null && FxCsvValues.IsCell(t) ? t : typeof(string);
    }
}
