using Fluxum.Engine.Transport;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>Kraken spot's public REST endpoints; each costs one call of the public pacing budget.</summary>
internal static class KrakenSpotEndpoints
{
    public static readonly Endpoint Time = Endpoint.Get("0/public/Time");
    public static readonly Endpoint AssetPairs = Endpoint.Get("0/public/AssetPairs");
    public static readonly Endpoint Depth = Endpoint.Get("0/public/Depth");
    public static readonly Endpoint Ticker = Endpoint.Get("0/public/Ticker");
    public static readonly Endpoint Trades = Endpoint.Get("0/public/Trades");
    public static readonly Endpoint Ohlc = Endpoint.Get("0/public/OHLC");
}
