using FsCheck;
using FsCheck.Fluent;
using Fluxum.Books;
using Fluxum.Models;

namespace Fluxum.Tests.Books;

/// <summary>Properties of the local book engine, checked over random update streams (FsCheck).</summary>
public class LocalOrderBookPropertyTests
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch;

    /// <summary>A level update: side, price in cents, quantity in whole units (0 removes).</summary>
    private static readonly Gen<(bool Bid, int Cents, int Qty)> Update =
        from bid in Gen.Elements(true, false)
        from cents in bid ? Gen.Choose(1, 100) : Gen.Choose(101, 200)
        from qty in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 9)))
        select (bid, cents, qty);

    private static (decimal, decimal) Level((bool Bid, int Cents, int Qty) u) => (u.Cents / 100m, u.Qty);

    [Fact]
    public void Sides_stay_strictly_sorted_without_zero_levels_and_equal_a_dictionary_model()
    {
        Prop.ForAll(Gen.ListOf(Update).ToArbitrary(), updates =>
        {
            var bids = new BookSideLevels(isBid: true, capacity: 4);
            var asks = new BookSideLevels(isBid: false, capacity: 4);
            var model = new Dictionary<(bool, decimal), decimal>();
            foreach (var u in updates)
            {
                var (p, q) = Level(u);
                (u.Bid ? bids : asks).Set(p, q);
                if (q == 0) model.Remove((u.Bid, p));
                else model[(u.Bid, p)] = q;
            }

            var bidLevels = Enumerable.Range(0, bids.Count).Select(k => bids[k]).ToList();
            var askLevels = Enumerable.Range(0, asks.Count).Select(k => asks[k]).ToList();
            return bidLevels.Zip(bidLevels.Skip(1)).All(x => x.First.Price > x.Second.Price)
                   && askLevels.Zip(askLevels.Skip(1)).All(x => x.First.Price < x.Second.Price)
                   && bidLevels.Concat(askLevels).All(l => l.Quantity > 0)
                   && bidLevels.Count + askLevels.Count == model.Count
                   && bidLevels.All(l => model[(true, l.Price)] == l.Quantity)
                   && askLevels.All(l => model[(false, l.Price)] == l.Quantity);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Thousands_of_levels_split_and_drop_chunks_without_losing_order()
    {
        var random = new Random(11);
        foreach (var isBid in new[] { true, false })
        {
            var side = new BookSideLevels(isBid);
            var model = new SortedDictionary<decimal, decimal>(isBid ? Comparer<decimal>.Create((a, b) => b.CompareTo(a)) : Comparer<decimal>.Default);
            for (int i = 0; i < 50_000; i++)
            {
                var price = random.Next(1, 5000) / 100m;
                var qty = random.Next(4) == 0 ? 0m : random.Next(1, 100);
                side.Set(price, qty);
                if (qty == 0) model.Remove(price);
                else model[price] = qty;
                if (i % 5000 == 0 || i == 49_999)
                {
                    Assert.Equal(model.Count, side.Count);
                    Assert.Equal(model.Select(kv => (kv.Key, kv.Value)), Enumerable.Range(0, side.Count).Select(k => side[k]));
                    Assert.Equal(model.Count > 0 ? model.First().Key : null, side.BestPrice);
                }
            }

            foreach (var price in model.Keys.ToList()) side.Set(price, 0);
            Assert.Equal(0, side.Count);
            Assert.Null(side.BestPrice);
            side.Set(1m, 1m);
            Assert.Equal((1m, 1m), side[0]);
        }
    }

    [Fact]
    public void Applying_a_diff_sequence_equals_rebuilding_from_the_final_snapshot()
    {
        var diffs = Gen.ListOf(Gen.NonEmptyListOf(Update));
        Prop.ForAll(Gen.NonEmptyListOf(Update).ToArbitrary(), diffs.ToArbitrary(), (snapshot, sequence) =>
        {
            var book = new LocalOrderBook(ExchangeId.Binance, "X/Y", "XY");
            var model = new Dictionary<(bool, decimal), decimal>();
            foreach (var u in snapshot)
            {
                var (p, q) = Level(u);
                if (q == 0) model.Remove((u.Bid, p));
                else model[(u.Bid, p)] = q;
            }

            book.LoadSnapshot(100, Side(model, true), Side(model, false), T);
            long id = 100;
            foreach (var diff in sequence)
            {
                // The first diff straddles the snapshot (starts before it), later ones follow on.
                var first = id == 100 ? 95 : id + 1;
                var last = id + diff.Count;
                var result = book.ApplyDiff(first, last, diff.Where(u => u.Bid).Select(Level).ToArray(), diff.Where(u => !u.Bid).Select(Level).ToArray(), T);
                if (result != DiffResult.Applied) return false;
                foreach (var u in diff)
                {
                    var (p, q) = Level(u);
                    if (q == 0) model.Remove((u.Bid, p));
                    else model[(u.Bid, p)] = q;
                }

                id = last;
            }

            var rebuilt = new LocalOrderBook(ExchangeId.Binance, "X/Y", "XY");
            rebuilt.LoadSnapshot(id, Side(model, true), Side(model, false), T);
            var a = book.ToOrderBook();
            var b = rebuilt.ToOrderBook();
            return a.UpdateId == b.UpdateId
                   && a.Bids.Select(l => (l.Price, l.Quantity)).SequenceEqual(b.Bids.Select(l => (l.Price, l.Quantity)))
                   && a.Asks.Select(l => (l.Price, l.Quantity)).SequenceEqual(b.Asks.Select(l => (l.Price, l.Quantity)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_book_fed_with_a_gap_is_never_read_as_valid()
    {
        Prop.ForAll(Gen.Choose(2, 50).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (diffCount, missing) =>
        {
            var book = new LocalOrderBook(ExchangeId.Binance, "X/Y", "XY");
            book.LoadSnapshot(10, new[] { (1m, 1m) }, new[] { (2m, 1m) }, T);
            long id = 10;
            var skipAt = diffCount / 2;
            var sawGap = false;
            for (int k = 0; k < diffCount; k++)
            {
                var first = k == 0 ? id : id + 1 + (k == skipAt ? missing : 0);
                var last = first + 1;
                var result = book.ApplyDiff(first, last, new[] { (1m, k + 1m) }, ReadOnlySpan<(decimal, decimal)>.Empty, T);
                sawGap |= result == DiffResult.Gap;
                if (sawGap && (book.IsValid || result == DiffResult.Applied)) return false;
                id = last;
            }

            if (!sawGap) return skipAt == 0;
            try
            {
                book.ToOrderBook();
                return false;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Stale_diffs_are_ignored_crossing_is_caught_and_a_resync_replaces_everything()
    {
        var book = new LocalOrderBook(ExchangeId.Binance, "X/Y", "XY");
        book.LoadSnapshot(100, new[] { (10m, 1m), (9m, 1m) }, new[] { (11m, 1m) }, T);
        Assert.Equal(DiffResult.Stale, book.ApplyDiff(90, 100, new[] { (10m, 5m) }, default, T));
        Assert.Equal(1m, book.ToOrderBook().BestBidQuantity);
        Assert.Equal(DiffResult.Applied, book.ApplyDiff(99, 101, new[] { (10m, 0m) }, default, T));
        Assert.Equal(9m, book.ToOrderBook().BestBid);
        Assert.Equal(DiffResult.Crossed, book.ApplyDiff(102, 102, new[] { (12m, 1m) }, default, T));
        Assert.False(book.IsValid);

        book.LoadSnapshot(200, new[] { (5m, 1m) }, new[] { (6m, 1m) }, T);
        var fresh = book.ToOrderBook();
        Assert.Equal(1, fresh.Resyncs);
        Assert.Equal(new[] { 5m }, fresh.Bids.Select(l => l.Price)); // no stale level survived
        Assert.Equal(new[] { 6m }, fresh.Asks.Select(l => l.Price));
    }

    [Fact]
    public void Prices_beyond_eight_decimals_or_very_large_still_sort_correctly()
    {
        foreach (var isBid in new[] { true, false })
        {
            var side = new BookSideLevels(isBid);
            var prices = new[] { 0.00001234m, 5m, 0.000000001234m, 123456789012.5m, 0.5m, 1.0000000001m };
            foreach (var p in prices) side.Set(p, 1m);
            var expected = isBid ? prices.OrderByDescending(p => p) : prices.OrderBy(p => p);
            Assert.Equal(expected, Enumerable.Range(0, side.Count).Select(k => side[k].Price));
            side.Set(0.000000001234m, 0m);
            side.Set(5m, 2m);
            Assert.Equal(prices.Length - 1, side.Count);
            Assert.Contains((5m, 2m), Enumerable.Range(0, side.Count).Select(k => side[k]));
        }
    }

    [Fact]
    public void Futures_diffs_chain_by_previous_id_and_a_broken_chain_is_a_gap()
    {
        var book = new LocalOrderBook(ExchangeId.BinanceUsdM, "X/Y", "XY", SequenceRule.PreviousLast);
        book.LoadSnapshot(100, new[] { (10m, 1m) }, new[] { (11m, 1m) }, T);
        Assert.Equal(DiffResult.Stale, book.ApplyDiff(80, 99, new[] { (10m, 2m) }, default, T, 79));
        Assert.Equal(DiffResult.Applied, book.ApplyDiff(95, 104, new[] { (10m, 3m) }, default, T, 94)); // straddles 100
        Assert.Equal(DiffResult.Applied, book.ApplyDiff(107, 110, new[] { (10m, 4m) }, default, T, 104)); // ids may jump; pu links
        Assert.Equal(4m, book.ToOrderBook().BestBidQuantity);
        Assert.Equal(DiffResult.Gap, book.ApplyDiff(115, 120, new[] { (10m, 5m) }, default, T, 112));
        Assert.False(book.IsValid);
    }

    private static IEnumerable<(decimal, decimal)> Side(Dictionary<(bool, decimal), decimal> model, bool bid) =>
        model.Where(kv => kv.Key.Item1 == bid).Select(kv => (kv.Key.Item2, kv.Value));
}
