using System.Globalization;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>
/// Binance's trade and order ids are whole numbers that rise, and its history endpoints read forward from an id
/// (inclusive): so the id a user types is checked here, and the cursor of the next page is the last id plus one.
/// No other layer knows ids are numbers.
/// </summary>
internal static class BinanceIds
{
    /// <summary>The number to send for an id the user gave, or the cursor of the previous page (which wins).</summary>
    public static long? Start(string? cursor, string? fromId, ExchangeId exchange)
    {
        if (cursor is not null) return long.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        if (fromId is null) return null;
        if (long.TryParse(fromId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
        throw new FxException("Fluxum.InvalidId", FxErrorKind.InvalidArgument,
            $"'{fromId}' is not a {exchange} id: {exchange} trade and order ids are whole numbers from 0 (e.g. -FromId 123456).", exchange);
    }

    /// <summary>Where the page after <paramref name="lastId"/> starts; null when the page held nothing to go on from.</summary>
    public static string? After(string? lastId) =>
        lastId is null ? null : (long.Parse(lastId, NumberStyles.None, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    public static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string? Text(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
