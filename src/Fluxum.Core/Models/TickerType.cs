namespace Fluxum.Models;

/// <summary>Which ticker Get-FxTicker returns: 24h statistics, the last price only, or the best bid/ask.</summary>
public enum TickerType
{
    Full,
    Price,
    Book,
}
