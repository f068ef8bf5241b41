namespace Fluxum.Books;

/// <summary>
/// One side of a local order book: price levels in flat arrays kept sorted with the best price at the END,
/// so the updates that dominate a live feed (near the top) insert and remove with little or no shifting,
/// and a lookup is a binary search. No allocation per update once the arrays have grown.
/// </summary>
public sealed class BookSideLevels
{
    private decimal[] _prices;
    private decimal[] _quantities;
    private readonly bool _isBid;

    public BookSideLevels(bool isBid, int capacity = 1024)
    {
        _isBid = isBid;
        _prices = new decimal[capacity];
        _quantities = new decimal[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The k-th best level (0 is the best).</summary>
    public (decimal Price, decimal Quantity) this[int k] => (_prices[Count - 1 - k], _quantities[Count - 1 - k]);

    public decimal? BestPrice => Count > 0 ? _prices[Count - 1] : null;

    public void Clear() => Count = 0;

    /// <summary>Sets the quantity at a price: zero removes the level (absent is fine), anything else inserts or replaces.</summary>
    public void Set(decimal price, decimal quantity)
    {
        var index = Find(price, out var found);
        if (quantity == 0)
        {
            if (!found) return;
            Array.Copy(_prices, index + 1, _prices, index, Count - index - 1);
            Array.Copy(_quantities, index + 1, _quantities, index, Count - index - 1);
            Count--;
            return;
        }

        if (found)
        {
            _quantities[index] = quantity;
            return;
        }

        if (Count == _prices.Length)
        {
            Array.Resize(ref _prices, _prices.Length * 2);
            Array.Resize(ref _quantities, _quantities.Length * 2);
        }

        Array.Copy(_prices, index, _prices, index + 1, Count - index);
        Array.Copy(_quantities, index, _quantities, index + 1, Count - index);
        _prices[index] = price;
        _quantities[index] = quantity;
        Count++;
    }

    /// <summary>
    /// Storage order is worst to best: ascending prices for bids, descending for asks. The search starts from
    /// the best end, where most updates land.
    /// </summary>
    private int Find(decimal price, out bool found)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var c = _isBid ? _prices[mid].CompareTo(price) : price.CompareTo(_prices[mid]);
            if (c == 0)
            {
                found = true;
                return mid;
            }

            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }

        found = false;
        return lo;
    }
}
