using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

/// <summary>
/// The storage of the fast book: levels at the band edges, reused slots, the record of the day's
/// postings behind "exhausted", and coarser price ticks. Each case runs on both books and compares them.
/// </summary>
public sealed class ListedAgreementBookStorageTests
{
    [Theory]
    [InlineData(5_000L, 1L)]   // band 45.00-55.00, tick 0.01
    [InlineData(5_003L, 1L)]   // band edges rounded half up: 45.03-55.03
    [InlineData(5_000L, 5L)]   // tick 0.05: 201 levels
    [InlineData(5_003L, 5L)]   // band 45.03-55.03 with tick 0.05: the first level is 45.05, the last 55.00
    [InlineData(1L, 1L)]       // 0.01 CNY/t: a band of one level
    public void listings_on_the_outermost_levels_of_the_band_queue_and_take_like_the_reference(long baseFen, long tickFen)
    {
        var rules = new ListingRules { PriceTickFen = tickFen };
        var fast = new BookDriver(NewBook("optimized", rules, basePrice: P(baseFen)));
        var naive = new BookDriver(NewBook("naive", rules, basePrice: P(baseFen)));
        var band = fast.Book.Band;
        var lowest = (band.Lower.Fen + tickFen - 1) / tickFen * tickFen;
        var highest = band.Upper.Fen / tickFen * tickFen;

        foreach (var d in new[] { fast, naive })
        {
            Assert.Equal(ExchangeStatus.Ok, d.Post(Alice, Side.Buy, lowest, 10));
            Assert.Equal(lowest == highest ? ExchangeStatus.CrossesOppositeListing : ExchangeStatus.Ok, d.Post(Bob, Side.Sell, highest, 10));
            Assert.Equal(ExchangeStatus.PriceOutsideLimit, d.Post(Bob, Side.Sell, highest + tickFen, 10));
            Assert.Equal(lowest - tickFen <= 0 ? ExchangeStatus.PriceNotPositive : ExchangeStatus.PriceOutsideLimit, d.Post(Bob, Side.Buy, lowest - tickFen, 10));
            Assert.Equal(ExchangeStatus.Ok, d.Post(Carol, Side.Buy, lowest, 5));
            Assert.Equal(ExchangeStatus.Ok, d.TakeBest(Side.Buy, Bob, 12));
            Assert.Equal(ExchangeStatus.Ok, d.TakeBest(Side.Buy, Bob, 12));
            if (lowest != highest)
            {
                Assert.Equal(ExchangeStatus.Ok, d.TakeBest(Side.Sell, Carol, 10));
            }

            Assert.Equal(ExchangeStatus.ListingNotFound, d.TakeBest(Side.Buy, Bob, 1));
            d.AssertInvariants();
        }

        Assert.Equal(naive.Events, fast.Events);
        Assert.Equal(0, fast.Book.OpenCount);
    }

    [Fact]
    public void slots_freed_by_fills_and_cancels_are_reused_without_mixing_listings_up()
    {
        var fast = new BookDriver(NewBook("optimized"));
        var naive = new BookDriver(NewBook("naive"));
        var random = new Random(5);
        var open = new List<OrderId>();
        for (var round = 0; round < 2_000; round++)
        {
            var roll = random.Next(3);
            if (roll == 0 || open.Count == 0)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                var price = side == Side.Buy ? 4_900 + random.Next(50) : 5_050 + random.Next(50);
                var who = new ParticipantId(random.Next(1, 30));
                var quantity = random.Next(1, 20);
                Assert.Equal(naive.Post(who, side, price, quantity), fast.Post(who, side, price, quantity));
                open.Add(fast.LastId);
            }
            else
            {
                var id = open[random.Next(open.Count)];
                var taker = new ParticipantId(random.Next(30, 40));
                if (roll == 1)
                {
                    var quantity = random.Next(1, 15);
                    Assert.Equal(naive.Take(id, taker, quantity), fast.Take(id, taker, quantity));
                }
                else if (fast.Book.TryGet(id, out var view))
                {
                    Assert.Equal(naive.Book.Cancel(id, view.Participant, fast.Now, naive.Events), fast.Book.Cancel(id, view.Participant, fast.Now, fast.Events));
                }
            }

            Assert.Equal(naive.Events, fast.Events);
        }

        fast.AssertInvariants();
        Assert.Equal(naive.Book.Listings(Side.Buy), fast.Book.Listings(Side.Buy));
        Assert.Equal(naive.Book.Listings(Side.Sell), fast.Book.Listings(Side.Sell));
        Assert.Equal(naive.Book.Reservations.All, fast.Book.Reservations.All);
    }

    [Theory]
    [InlineData("optimized")]
    [InlineData("naive")]
    public void exhausted_is_remembered_for_the_day_only_and_a_cancelled_listing_is_not_found(string kind)
    {
        var d = new BookDriver(NewBook(kind));
        Assert.Equal(ExchangeStatus.Ok, d.Post(Alice, Side.Sell, 5_010, 5));
        var taken = d.LastId;
        Assert.Equal(ExchangeStatus.Ok, d.Post(Alice, Side.Sell, 5_020, 5));
        var cancelled = d.LastId;
        Assert.Equal(ExchangeStatus.Ok, d.Post(Alice, Side.Sell, 5_030, 5));
        var expired = d.LastId;

        Assert.Equal(ExchangeStatus.Ok, d.Take(taken, Bob, 5));
        Assert.Equal(ExchangeStatus.Ok, d.Book.Cancel(cancelled, Alice, d.Now, d.Events));
        Assert.Equal(ExchangeStatus.ListingExhausted, d.Take(taken, Bob, 1));
        Assert.Equal(ExchangeStatus.ListingExhausted, d.Book.Cancel(taken, Alice, d.Now, d.Events));
        Assert.Equal(ExchangeStatus.ListingNotFound, d.Take(cancelled, Bob, 1));
        Assert.Equal(ExchangeStatus.ListingNotFound, d.Take(new OrderId(99), Bob, 1));

        Assert.Equal(1, d.Book.ExpireAll(At(15, 0), d.Events));
        Assert.Equal(ExchangeStatus.ListingNotFound, d.Take(taken, Bob, 1));
        Assert.Equal(ExchangeStatus.ListingNotFound, d.Take(expired, Bob, 1));

        d.Book.StartDay(P(5_100));
        d.Now = At(new DateOnly(2025, 3, 5), 10, 0);
        Assert.Equal(ExchangeStatus.Ok, d.Post(Carol, Side.Sell, 5_100, 1));
        Assert.Equal(ExchangeStatus.Ok, d.Take(d.LastId, Bob, 1));
        Assert.Equal(ExchangeStatus.ListingExhausted, d.Take(d.LastId, Bob, 1));
        Assert.Equal(ExchangeStatus.ListingNotFound, d.Take(taken, Bob, 1));
        d.AssertInvariants();
    }

    [Fact]
    public void many_sparse_listings_in_one_day_span_several_chunks_of_the_posting_record_and_every_fill_stays_exhausted()
    {
        // 40,000 postings fill more than two chunks of 16,384 ids; ids step by 7 so the ones between
        // were never posted. Every even posting is taken, so the first listing of each chunk is exhausted.
        var book = NewBook("optimized");
        var events = new List<ExchangeEvent>();
        var at = At(10, 0);
        var buyer = new ParticipantId(1_000);
        var trade = 1L;
        const int Listings = 40_000;
        for (var i = 0; i < Listings; i++)
        {
            var id = new OrderId(7 * (i + 1));
            Assert.Equal(ExchangeStatus.Ok, book.Post(id, new ParticipantId(1 + (i % 500)), Side.Sell, P(5_010 + (i % 7)), T(1), ParticipantPosition.Unlimited, at, events));
            if (i % 2 == 0)
            {
                Assert.Equal(ExchangeStatus.Ok, book.Take(id, buyer, T(1), ParticipantPosition.Unlimited, new TradeId(trade++), at, events));
            }
        }

        for (var i = 0; i < Listings; i++)
        {
            var id = new OrderId(7 * (i + 1));
            var expected = i % 2 == 0 ? ExchangeStatus.ListingExhausted : ExchangeStatus.Ok;
            Assert.Equal(expected, book.Take(id, buyer, T(1), ParticipantPosition.Unlimited, new TradeId(trade++), at, events));
            Assert.Equal(ExchangeStatus.ListingNotFound, book.Take(new OrderId(id.Value + 3), buyer, T(1), ParticipantPosition.Unlimited, new TradeId(trade), at, events));
        }

        Assert.Equal(ExchangeStatus.ListingNotFound, book.Take(new OrderId(3), buyer, T(1), ParticipantPosition.Unlimited, new TradeId(trade), at, events));
        Assert.Equal(ExchangeStatus.ListingNotFound, book.Take(new OrderId(7 * (Listings + 1)), buyer, T(1), ParticipantPosition.Unlimited, new TradeId(trade), at, events));
        Assert.Equal(0, book.OpenCount);
        Assert.Empty(book.CheckInvariants());
    }

    [Fact]
    public void reservations_of_the_fast_book_change_only_through_its_commands()
    {
        var book = NewBook("optimized");
        Assert.Throws<InvalidOperationException>(() => book.Reservations.Add(new OrderId(1), Alice, Side.Sell, T(1), Money.Zero));
        Assert.Throws<InvalidOperationException>(() => book.Reservations.Release(new OrderId(1)));
    }
}
