namespace Fluxum.Engine.Streams;

/// <summary>
/// The last trade ids of one stream, to tell a repeated frame from a new trade. Ids are the exchange's text (not
/// always numbers, so no ordering is assumed): a set answers "seen?" in one hash, a ring forgets the oldest.
/// </summary>
internal sealed class RecentTradeIds
{
    /// <summary>A duplicated frame repeats a trade just sent: the last few hundred ids are enough to recognise it.</summary>
    private const int Window = 256;

    private readonly string[] _ring = new string[Window];
    private readonly HashSet<string> _seen = new(Window, StringComparer.Ordinal);
    private int _count;
    private int _next;

    /// <summary>False when <paramref name="id"/> is one of the recent ids (a duplicate); else remembers it. A trade without an id is never a repeat.</summary>
    public bool Add(string id)
    {
        if (id.Length == 0) return true;
        if (!_seen.Add(id)) return false;
        if (_count == Window) _seen.Remove(_ring[_next]);
        else _count++;
        _ring[_next] = id;
        _next = (_next + 1) % Window;
        return true;
    }
}
