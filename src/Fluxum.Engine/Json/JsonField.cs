using System.Text.Json;
using Fluxum.Models;

namespace Fluxum.Engine.Json;

/// <summary>
/// A value of an exchange's JSON answer together with its place in it and, where known, who sent the answer.
/// Parsers read through it, so every value that cannot be right (missing, mistyped, out of range, below zero)
/// becomes an <see cref="InvalidFieldException"/> naming the field ("bids[3][0]"), the exchange and the endpoint,
/// without the parser doing anything for it. Numbers are read as never below zero unless asked for a signed
/// one: money and counts cannot be negative, and the rare field that can (a price change) says so.
/// </summary>
internal readonly partial struct JsonField
{
    private readonly JsonFieldPath? _parent;
    private readonly string? _name;
    private readonly int _index;

    /// <summary>The root of an answer; <paramref name="source"/> says who sent it and to what.</summary>
    public JsonField(JsonElement element, AnswerSource? source = null) : this(element, source, null, null, -1)
    {
    }

    internal JsonField(JsonElement element, AnswerSource? source, JsonFieldPath? parent, string? name, int index)
    {
        Element = element;
        Source = source;
        _parent = parent;
        _name = name;
        _index = index;
    }

    /// <summary>A bare element is the root of an answer whose sender is not known (a test, a frame handed over as is).</summary>
    public static implicit operator JsonField(JsonElement element) => new(element);

    public JsonElement Element { get; }
    public AnswerSource? Source { get; }
    public JsonValueKind Kind => Element.ValueKind;

    /// <summary>The member name this value was found under, or null (a list item, the root).</summary>
    public string? Name => _name;

    /// <summary>Where the value sits: "bids[3][0]", "result.XXBTZUSD"; empty for the root.</summary>
    public string Path => JsonFieldPath.Spell(_parent, _name, _index);

    private bool IsRoot => _name is null && _index < 0;

    /// <summary>The same value, said to come from <paramref name="source"/> unless where it came from is known already.</summary>
    public JsonField From(AnswerSource source) => Source is null ? new JsonField(Element, source, _parent, _name, _index) : this;

    /// <summary>A required member: missing or null is an error naming it.</summary>
    public JsonField Get(string name) => Child(Required(name), name, -1);

    /// <summary>An optional member: absent or null gives null.</summary>
    public JsonField? Find(string name) => TryMember(name, out var value) ? Child(value, name, -1) : null;

    /// <summary>A required list position: a shorter list, or null there, is an error naming it.</summary>
    public JsonField this[int index] => Child(RequiredAt(index), null, index);

    /// <summary>An optional list position: past the end or null gives null.</summary>
    public JsonField? At(int index)
    {
        RequireList();
        return index < Element.GetArrayLength() && Element[index] is { ValueKind: not JsonValueKind.Null } value ? Child(value, null, index) : null;
    }

    public bool IsList => Kind == JsonValueKind.Array;
    public bool IsObject => Kind == JsonValueKind.Object;

    public int Length
    {
        get
        {
            RequireList();
            return Element.GetArrayLength();
        }
    }

    /// <summary>The items of a list, each knowing its position (a struct: a foreach over it allocates nothing).</summary>
    public JsonFieldItems Items()
    {
        RequireList();
        return new JsonFieldItems(Element, Source, Self());
    }

    /// <summary>The members of an object, each knowing its name.</summary>
    public IEnumerable<JsonField> Members()
    {
        RequireObject();
        return MembersOf(Element, Source, Self());
    }

    /// <summary>
    /// The rows of a list: a row that cannot be read is left out and reported by its position and field, the
    /// others are kept. A null from <paramref name="read"/> leaves a row out on purpose (a symbol nobody asked for).
    /// </summary>
    public RowSet<T> Rows<T>(Func<JsonField, T?> read) where T : class => JsonRows.Read(Items(), read);

    /// <summary>
    /// Reads the whole answer; arithmetic on values that were each fine (a price times a quantity beyond what a
    /// decimal holds) fails as an error about the answer too, never as a bare OverflowException.
    /// </summary>
    public T Read<T>(Func<JsonField, T> read)
    {
        try
        {
            return read(this);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw OutOfRange(e);
        }
    }

    /// <summary>The same, with what the reader needs passed in, so a static lambda reads a stream frame without a closure.</summary>
    public T Read<TState, T>(TState state, Func<JsonField, TState, T> read)
    {
        try
        {
            return read(this, state);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw OutOfRange(e);
        }
    }

    /// <summary>An error about this value: <paramref name="problem"/> completes "price ..." ("is \"x\", not a known side").</summary>
    public InvalidFieldException Invalid(string problem) => new(Path, problem, Source);

    internal InvalidFieldException OutOfRange(Exception e) => Invalid($"holds a value out of range ({e.Message.TrimEnd('.')})");

    private InvalidFieldException Invalid(string? name, int index, string problem) =>
        name is null && index < 0 ? Invalid(problem) : new InvalidFieldException(JsonFieldPath.Spell(Self(), name, index), problem, Source);

    private JsonFieldPath? Self() => IsRoot ? null : new JsonFieldPath(_parent, _name, _index);

    private JsonField Child(JsonElement value, string? name, int index) => new(value, Source, Self(), name, index);

    private static IEnumerable<JsonField> MembersOf(JsonElement obj, AnswerSource? source, JsonFieldPath? parent)
    {
        foreach (var member in obj.EnumerateObject()) yield return new JsonField(member.Value, source, parent, member.Name, -1);
    }

    private bool TryMember(string name, out JsonElement value)
    {
        RequireObject();
        return Element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private JsonElement Required(string name)
    {
        RequireObject();
        if (!Element.TryGetProperty(name, out var value)) throw Invalid(name, -1, "is missing");
        if (value.ValueKind == JsonValueKind.Null) throw Invalid(name, -1, "is null");
        return value;
    }

    private JsonElement RequiredAt(int index)
    {
        RequireList();
        if (index >= Element.GetArrayLength()) throw Invalid(null, index, "is missing");
        var value = Element[index];
        if (value.ValueKind == JsonValueKind.Null) throw Invalid(null, index, "is null");
        return value;
    }

    private void RequireObject()
    {
        if (Kind != JsonValueKind.Object) throw Invalid($"is {Shown(Element)}, not an object");
    }

    private void RequireList()
    {
        if (Kind != JsonValueKind.Array) throw Invalid($"is {Shown(Element)}, not a list");
    }
}
