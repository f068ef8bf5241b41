using System.Text.Json;
using Fluxum.Books;
using Fluxum.Engine.Json;

namespace Fluxum.Engine.Adapters.Binance;

/// <summary>Binance stream events (raw, or wrapped as {"stream":...,"data":...} on combined streams) to the model.</summary>
internal static class BinanceStreamParsers
{
    /// <summary>The event itself, whether the frame came from a raw or a combined stream.</summary>
    public static JsonElement Payload(JsonElement frame) => frame.Find("data") is { ValueKind: JsonValueKind.Object } data ? data : frame;

    /// <summary>A depthUpdate: e, E, s, U, u (and pu on futures), b and a as [price, quantity] pairs.</summary>
    public static DepthDiff DepthUpdate(JsonElement e) => new(
        e.String("s"), e.Long("U"), e.Long("u"), e.UnixMilliseconds("E"), Levels(e.Get("b")), Levels(e.Get("a")))
    {
        PreviousUpdateId = e.LongOrNull("pu"),
    };

    private static (decimal, decimal)[] Levels(JsonElement array)
    {
        var levels = new (decimal, decimal)[array.GetArrayLength()];
        int i = 0;
        foreach (var l in array.EnumerateArray()) levels[i++] = (l[0].Decimal(), l[1].Decimal());
        return levels;
    }
}
