using System.Globalization;
using Fluxum.Models;

namespace Fluxum.Trading;

/// <summary>
/// What a market order would cost if it executed against the book as it was read: the quote amount, the
/// average price, and whether the fetched book holds enough. An estimate, never a promise: the book moves.
/// </summary>
public sealed class MarketCostEstimate
{
    public TradeSide Side { get; init; }

    /// <summary>Base quantity the book would fill (for a -QuoteQuantity order, what the amount buys or sells).</summary>
    public decimal Quantity { get; init; }

    /// <summary>Quote amount paid (buy) or received (sell).</summary>
    public decimal Notional { get; init; }

    public decimal? AveragePrice { get; init; }

    /// <summary>False when the fetched levels do not hold the whole order.</summary>
    public bool IsComplete { get; init; }

    public DateTimeOffset BookTime { get; init; }

    /// <summary>Walks the book for the order's base quantity, or spends (or raises) its quote amount.</summary>
    public static MarketCostEstimate? From(OrderBook book, OrderRequest order)
    {
        if (order.Quantity is { } q && q > 0)
        {
            var fill = book.EstimateFill(order.Side, q);
            return new MarketCostEstimate
            {
                Side = order.Side, Quantity = fill.FilledQuantity, Notional = fill.Notional, AveragePrice = fill.AveragePrice,
                IsComplete = fill.IsComplete, BookTime = book.Time,
            };
        }

        if (order.QuoteQuantity is not { } amount || amount <= 0) return null;
        var levels = order.Side == TradeSide.Buy ? book.Asks : book.Bids;
        decimal left = amount, quantity = 0m;
        foreach (var level in levels)
        {
            if (left <= 0) break;
            var worth = level.Price * level.Quantity;
            var take = Math.Min(left, worth);
            quantity += take / level.Price;
            left -= take;
        }

        var spent = amount - left;
        return new MarketCostEstimate
        {
            Side = order.Side, Quantity = quantity, Notional = spent, AveragePrice = quantity > 0 ? spent / quantity : null,
            IsComplete = left <= 0, BookTime = book.Time,
        };
    }

    /// <summary>"about 3,215.40 USDT at an average 64,308.00 (book of 19:42:07 UTC)", figures to the symbol's tick.</summary>
    public string Describe(SymbolInfo s)
    {
        var digits = Digits(s.TickSize);
        var time = BookTime.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        var average = AveragePrice is { } avg ? $" at an average {Format(avg, digits)}" : "";
        var amount = $"{Format(Notional, digits)} {s.QuoteAsset}";
        if (!IsComplete)
        {
            return $"more than the book read holds: its levels give only {Format(Quantity, Digits(s.LotStep))} {s.BaseAsset} " +
                $"for {amount}{average} (book of {time})";
        }

        return $"about {amount}{average} (book of {time})";
    }

    private static int Digits(decimal? step) => step is { } t && t > 0 ? Math.Min((int)(t / 1.000000000000000000000000000000000m).Scale, 12) : 8;

    private static string Format(decimal value, int digits) => Math.Round(value, digits).ToString("N" + digits, CultureInfo.InvariantCulture);
}
