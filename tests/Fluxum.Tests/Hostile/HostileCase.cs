using System.Text.Json;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Tests.Hostile;

/// <summary>What a parser made of a payload: one object (or a few, read together), or the rows of a list answer and the rows it left out.</summary>
public sealed record Parsed(object? Value, IReadOnlyList<object?> Rows, IReadOnlyList<FxException> RowErrors)
{
    public static Parsed One(object? value) => new(value, Array.Empty<object?>(), Array.Empty<FxException>());

    public static Parsed Of<T>(RowSet<T> rows) => new(null, rows.Items.Cast<object?>().ToList(), rows.Errors);
}

/// <summary>
/// A parser and a real recorded payload it reads, with what the hostile suite must know about the wire: which
/// fields may be below zero, where the rows of a list answer are, and which wrapper the parser never sees.
/// </summary>
public sealed record HostileCase(string Name, string Json, string Exchange, string Answer, Func<JsonElement, Parsed> Parse)
{
    /// <summary>The part of the recorded path the parser does not see ("data." of a combined stream frame).</summary>
    public string Strip { get; init; } = "";

    /// <summary>Where the rows of a list answer are ("" when the answer is the list, "symbols", "result"); null for one object.</summary>
    public string? RowsAt { get; init; }

    /// <summary>Wire names of the fields that can be below zero (a price change, a percentage, a fee, Binance's -1 ids).</summary>
    public IReadOnlySet<string> MayBeNegative { get; init; } = new HashSet<string>();

    /// <summary>Properties that take a value derived from others when their own field is absent (a quote quantity from price and quantity).</summary>
    public IReadOnlySet<string> Fallbacks { get; init; } = new HashSet<string>();

    public override string ToString() => Name;
}
