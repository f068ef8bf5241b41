namespace Fluxum.Models;

/// <summary>A tradable pair and the rules an order on it must meet. Null means the exchange sets no such rule.</summary>
public sealed class SymbolInfo
{
    public ExchangeId Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string NativeSymbol { get; init; } = "";
    public string BaseAsset { get; init; } = "";
    public string QuoteAsset { get; init; } = "";
    public SymbolStatus Status { get; init; }
    public string NativeStatus { get; init; } = "";

    public decimal? TickSize { get; init; }
    public decimal? MinPrice { get; init; }
    public decimal? MaxPrice { get; init; }
    public decimal? LotStep { get; init; }
    public decimal? MinQuantity { get; init; }
    public decimal? MaxQuantity { get; init; }
    public decimal? MarketLotStep { get; init; }
    public decimal? MarketMinQuantity { get; init; }
    public decimal? MarketMaxQuantity { get; init; }
    public decimal? MinNotional { get; init; }
    public decimal? MaxNotional { get; init; }
    public bool MinNotionalAppliesToMarket { get; init; }

    /// <summary>Percent-price band: a bid must lie within [avg * BidMultiplierDown, avg * BidMultiplierUp].</summary>
    public decimal? BidMultiplierUp { get; init; }
    public decimal? BidMultiplierDown { get; init; }
    public decimal? AskMultiplierUp { get; init; }
    public decimal? AskMultiplierDown { get; init; }
    public int? AveragePriceMinutes { get; init; }

    public int PricePrecision { get; init; }
    public int QuantityPrecision { get; init; }
    public int BaseAssetPrecision { get; init; }
    public int QuoteAssetPrecision { get; init; }

    /// <summary>Comma-separated, so the object exports to one CSV column: "LIMIT,MARKET,...".</summary>
    public string OrderTypes { get; init; } = "";
    public bool IsSpotTradingAllowed { get; init; }
    public bool IcebergAllowed { get; init; }
    public bool OcoAllowed { get; init; }
    public bool QuoteOrderQuantityMarketAllowed { get; init; }

    /// <summary>Other names the exchange accepts for this pair, comma-separated (Kraken's key and wsname, say).</summary>
    public string AlternateNames { get; init; } = "";

    public override string ToString() => Symbol;
}
