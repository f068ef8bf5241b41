namespace Fluxum.Streams;

/// <summary>What a market stream carries.</summary>
public enum StreamChannel
{
    Trade,
    Candle,
    Ticker,
    Book,
}
