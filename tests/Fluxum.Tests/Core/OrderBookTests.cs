using Fluxum.Models;

namespace Fluxum.Tests.Core;

public class OrderBookTests
{
    private static OrderBook Book() => new(ExchangeId.Binance, "BTC/USDT", "BTCUSDT", 42, DateTimeOffset.UnixEpoch,
        new[] { L(BookSide.Bid, 100m, 1m), L(BookSide.Bid, 99m, 2m), L(BookSide.Bid, 98m, 5m) },
        new[] { L(BookSide.Ask, 101m, 1m), L(BookSide.Ask, 102m, 1m), L(BookSide.Ask, 105m, 10m) });

    private static BookLevel L(BookSide side, decimal price, decimal qty) => new(ExchangeId.Binance, "BTC/USDT", side, price, qty);

    [Fact]
    public void Top_of_book_figures()
    {
        var b = Book();
        Assert.Equal(100m, b.BestBid);
        Assert.Equal(101m, b.BestAsk);
        Assert.Equal(100.5m, b.Mid);
        Assert.Equal(1m, b.Spread);
        Assert.Equal(Math.Round(1m / 100.5m * 10000m, 4), b.SpreadBps);
        Assert.Equal(3, b.BidLevels);
    }

    [Fact]
    public void Buying_walks_the_asks()
    {
        var fill = Book().EstimateFill(TradeSide.Buy, 2.5m);
        Assert.True(fill.IsComplete);
        Assert.Equal(2.5m, fill.FilledQuantity);
        Assert.Equal((101m + 102m + 0.5m * 105m) / 2.5m, fill.AveragePrice);
        Assert.Equal(105m, fill.WorstPrice);
        Assert.Equal(3, fill.LevelsUsed);
        Assert.Equal(101m + 102m + 52.5m, fill.Notional);
        Assert.Equal(fill.AveragePrice, Book().GetFillPrice(TradeSide.Buy, 2.5m));
    }

    [Fact]
    public void Selling_walks_the_bids_and_slippage_is_against_the_taker()
    {
        var fill = Book().EstimateFill(TradeSide.Sell, 3m);
        Assert.Equal((100m + 2m * 99m) / 3m, fill.AveragePrice);
        Assert.True(fill.SlippageBps > 0);
    }

    [Fact]
    public void Too_thin_a_book_says_so()
    {
        var fill = Book().EstimateFill(TradeSide.Sell, 100m);
        Assert.False(fill.IsComplete);
        Assert.Equal(8m, fill.FilledQuantity);
        Assert.Null(Book().GetFillPrice(TradeSide.Sell, 100m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Book().EstimateFill(TradeSide.Buy, 0m));
    }

    [Fact]
    public void Empty_book_has_no_top()
    {
        var b = new OrderBook(ExchangeId.Kraken, "X/Y", "XY", 0, DateTimeOffset.UnixEpoch, Array.Empty<BookLevel>(), Array.Empty<BookLevel>());
        Assert.Null(b.Mid);
        Assert.Null(b.SpreadBps);
        Assert.Null(b.EstimateFill(TradeSide.Buy, 1m).AveragePrice);
    }
}
