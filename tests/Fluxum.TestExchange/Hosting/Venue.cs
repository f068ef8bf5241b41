namespace Fluxum.TestExchange.Hosting;

/// <summary>Which exchange a path belongs to: both live on one server under their own prefixes.</summary>
internal enum Venue
{
    Other,
    Binance,
    Kraken,
}

internal static class Venues
{
    public const string BinanceContentType = "application/json;charset=UTF-8";
    public const string KrakenContentType = "application/json; charset=utf-8";

    public static Venue Of(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) ? Venue.Binance
        : path.StartsWith("/0/", StringComparison.Ordinal) ? Venue.Kraken
        : Venue.Other;
}
