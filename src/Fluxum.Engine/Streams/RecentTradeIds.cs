namespace Fluxum.Engine.Streams;

/// <summary>
/// The last trade ids of one stream, to tell a repeated frame from a new trade. Ids mostly rise, so a new one
/// above all seen costs one compare; only an id at or below the highest is looked for among the recent ones.
/// </summary>
internal sealed class RecentTradeIds
{
    /// <summary>A duplicated frame repeats a trade just sent: the last few hundred ids are enough to recognise it.</summary>
    private const int Window = 256;

    private readonly long[] _ids = new long[Window];
    private int _count;
    private int _next;
    private long _highest = long.MinValue;

    /// <summary>False when <paramref name="id"/> is one of the recent ids (a duplicate); else remembers it.</summary>
    public bool Add(long id)
    {
        if (id <= _highest && _ids.AsSpan(0, _count).Contains(id)) return false;
        if (id > _highest) _highest = id;
        _ids[_next] = id;
        _next = (_next + 1) % Window;
        if (_count < Window) _count++;
        return true;
    }
}
