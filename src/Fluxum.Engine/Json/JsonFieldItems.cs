using System.Collections;
using System.Text.Json;

namespace Fluxum.Engine.Json;

/// <summary>The items of a JSON list as <see cref="JsonField"/>s that know their position; enumerating it allocates nothing.</summary>
internal readonly struct JsonFieldItems(JsonElement list, AnswerSource? source, JsonFieldPath? parent) : IEnumerable<JsonField>
{
    public Enumerator GetEnumerator() => new(list.EnumerateArray(), source, parent);

    IEnumerator<JsonField> IEnumerable<JsonField>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(JsonElement.ArrayEnumerator items, AnswerSource? source, JsonFieldPath? parent) : IEnumerator<JsonField>
    {
        private JsonElement.ArrayEnumerator _items = items;
        private int _index = -1;

        public readonly JsonField Current => new(_items.Current, source, parent, null, _index);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (!_items.MoveNext()) return false;
            _index++;
            return true;
        }

        public void Reset()
        {
            _items.Reset();
            _index = -1;
        }

        public void Dispose() => _items.Dispose();
    }
}
