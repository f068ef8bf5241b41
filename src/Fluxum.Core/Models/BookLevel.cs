namespace Fluxum.Models;

/// <summary>One price level of a book, carrying its context so a flat list of levels exports cleanly.</summary>
public sealed class BookLevel
{
    public BookLevel(ExchangeId exchange, string symbol, BookSide side, decimal price, decimal quantity)
    {
        Exchange = exchange;
        Symbol = symbol;
        Side = side;
        Price = price;
        Quantity = quantity;
    }

    public ExchangeId Exchange { get; }
    public string Symbol { get; }
    public BookSide Side { get; }
    public decimal Price { get; }
    public decimal Quantity { get; }
    public decimal Notional => Price * Quantity;

    public override string ToString() => $"{Side} {Quantity} @ {Price}";
}
