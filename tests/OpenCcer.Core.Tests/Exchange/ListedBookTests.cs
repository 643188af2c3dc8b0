using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

/// <summary>Every rule of the listed-agreement book, run against both implementations.</summary>
public sealed class ListedBookTests
{
    public static TheoryData<string> Kinds => Books;

    [Theory]
    [InlineData("optimized", Side.Sell, 4_500, ExchangeStatus.Ok)]
    [InlineData("optimized", Side.Sell, 5_500, ExchangeStatus.Ok)]
    [InlineData("optimized", Side.Buy, 4_500, ExchangeStatus.Ok)]
    [InlineData("optimized", Side.Buy, 5_500, ExchangeStatus.Ok)]
    [InlineData("optimized", Side.Sell, 4_499, ExchangeStatus.PriceOutsideLimit)]
    [InlineData("optimized", Side.Buy, 5_501, ExchangeStatus.PriceOutsideLimit)]
    [InlineData("optimized", Side.Buy, 4_499, ExchangeStatus.PriceOutsideLimit)]
    [InlineData("optimized", Side.Sell, 5_501, ExchangeStatus.PriceOutsideLimit)]
    [InlineData("optimized", Side.Buy, 0, ExchangeStatus.PriceNotPositive)]
    [InlineData("optimized", Side.Sell, -5_000, ExchangeStatus.PriceNotPositive)]
    [InlineData("naive", Side.Sell, 4_500, ExchangeStatus.Ok)]
    [InlineData("naive", Side.Sell, 5_500, ExchangeStatus.Ok)]
    [InlineData("naive", Side.Buy, 4_500, ExchangeStatus.Ok)]
    [InlineData("naive", Side.Buy, 5_500, ExchangeStatus.Ok)]
    [InlineData("naive", Side.Sell, 4_499, ExchangeStatus.PriceOutsideLimit)]
    [InlineData("naive", Side.Buy, 5_501, ExchangeStatus.PriceOutsideLimit)]
    [InlineData("naive", Side.Buy, 0, ExchangeStatus.PriceNotPositive)]
    public void listing_price_must_lie_inside_the_ten_percent_band_edges_included(string kind, Side side, long priceFen, ExchangeStatus expected)
    {
        var driver = new BookDriver(NewBook(kind));
        Assert.Equal(expected, driver.Post(Alice, side, priceFen, 10));
        Assert.Equal(expected == ExchangeStatus.Ok ? 1 : 0, driver.Book.OpenCount);
    }

    [Fact]
    public void band_limits_round_half_up_to_the_fen()
    {
        // 49.95 × 0.9 = 44.955 and 49.95 × 1.1 = 54.945: both round up.
        Assert.Equal(new PriceBand(P(4_496), P(5_495)), PriceBand.Around(P(4_995), 1_000));
        Assert.Equal(new PriceBand(P(3_497), P(6_494)), PriceBand.Around(P(4_995), 3_000));
        Assert.Equal(new PriceBand(P(90), P(110)), PriceBand.Around(P(100), 1_000));
    }

    [Theory]
    [InlineData("optimized", 5_010, ExchangeStatus.Ok)]
    [InlineData("optimized", 5_001, ExchangeStatus.PriceTickInvalid)]
    [InlineData("naive", 5_010, ExchangeStatus.Ok)]
    [InlineData("naive", 5_005, ExchangeStatus.PriceTickInvalid)]
    public void price_must_be_a_multiple_of_the_price_tick(string kind, long priceFen, ExchangeStatus expected)
    {
        var driver = new BookDriver(NewBook(kind, ListingRules.Default with { PriceTickFen = 10 }));
        Assert.Equal(expected, driver.Post(Alice, Side.Sell, priceFen, 10));
    }

    [Theory]
    [InlineData("optimized", 0, ExchangeStatus.QuantityInvalid)]
    [InlineData("optimized", -1, ExchangeStatus.QuantityInvalid)]
    [InlineData("optimized", 1, ExchangeStatus.Ok)]
    [InlineData("optimized", 100_000_000, ExchangeStatus.Ok)]
    [InlineData("optimized", 100_000_001, ExchangeStatus.QuantityInvalid)]
    [InlineData("naive", 0, ExchangeStatus.QuantityInvalid)]
    [InlineData("naive", 1, ExchangeStatus.Ok)]
    [InlineData("naive", 100_000_001, ExchangeStatus.QuantityInvalid)]
    public void quantity_must_be_positive_whole_tonnes_within_the_maximum(string kind, long tonnes, ExchangeStatus expected)
    {
        var driver = new BookDriver(NewBook(kind));
        Assert.Equal(expected, driver.Post(Alice, Side.Sell, 5_000, tonnes));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void quantity_must_be_a_multiple_of_the_quantity_tick(string kind)
    {
        var driver = new BookDriver(NewBook(kind, ListingRules.Default with { QuantityTickTonnes = 100 }));
        Assert.Equal(ExchangeStatus.QuantityInvalid, driver.Post(Alice, Side.Sell, 5_000, 150));
        Assert.Equal(ExchangeStatus.Ok, driver.Post(Alice, Side.Sell, 5_000, 200));
        Assert.Equal(ExchangeStatus.QuantityInvalid, driver.Take(driver.LastId, Bob, 50));
    }

    [Theory]
    [InlineData("optimized", 9, 29, 59, ExchangeStatus.OutsideSession)]
    [InlineData("optimized", 9, 30, 0, ExchangeStatus.Ok)]
    [InlineData("optimized", 11, 29, 59, ExchangeStatus.Ok)]
    [InlineData("optimized", 11, 30, 0, ExchangeStatus.OutsideSession)]
    [InlineData("optimized", 12, 59, 59, ExchangeStatus.OutsideSession)]
    [InlineData("optimized", 13, 0, 0, ExchangeStatus.Ok)]
    [InlineData("optimized", 14, 59, 59, ExchangeStatus.Ok)]
    [InlineData("optimized", 15, 0, 0, ExchangeStatus.OutsideSession)]
    [InlineData("naive", 11, 30, 0, ExchangeStatus.OutsideSession)]
    [InlineData("naive", 13, 0, 0, ExchangeStatus.Ok)]
    public void listings_are_accepted_only_inside_the_sessions(string kind, int hour, int minute, int second, ExchangeStatus expected)
    {
        var driver = new BookDriver(NewBook(kind)) { Now = At(hour, minute, second) };
        Assert.Equal(expected, driver.Post(Alice, Side.Sell, 5_000, 10));
    }

    [Theory]
    [InlineData("2025-03-08 10:00", ExchangeStatus.OutsideSession)] // Saturday
    [InlineData("2025-09-28 10:00", ExchangeStatus.OutsideSession)] // Sunday make-up working day: offices work, the exchange does not
    [InlineData("2025-10-02 10:00", ExchangeStatus.OutsideSession)] // National Day holiday
    [InlineData("2031-03-04 10:00", ExchangeStatus.TradingCalendarUnknown)]
    [InlineData("2025-09-29 10:00", ExchangeStatus.Ok)] // Monday
    public void listings_are_refused_on_days_that_are_not_trading_days(string local, ExchangeStatus expected)
    {
        var driver = new BookDriver(NewBook("optimized")) { Now = At(local) };
        Assert.Equal(expected, driver.Post(Alice, Side.Sell, 5_000, 10));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void a_participant_cannot_take_its_own_listing(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        driver.Post(Alice, Side.Sell, 5_000, 10);
        Assert.Equal(ExchangeStatus.SelfTake, driver.Take(driver.LastId, Alice, 5));
        Assert.Equal(ExchangeStatus.SelfTake, driver.TakeBest(Side.Sell, Alice, 5));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void partial_takes_leave_the_rest_open_until_the_listing_is_exhausted(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        driver.Post(Alice, Side.Sell, 5_100, 10);
        var listing = driver.LastId;

        Assert.Equal(ExchangeStatus.Ok, driver.Take(listing, Bob, 4));
        var first = driver.Last<ListingTaken>();
        Assert.Equal(T(6), first.Remaining);
        Assert.Equal(new Trade(new TradeId(1), Instrument, Bob, Alice, P(5_100), T(4), driver.Now, TradeMethod.ListedAgreement,
            new Money(122), new Money(122)), first.Trade);
        Assert.Equal(T(6), driver.Book.Reservations.All.Single().Quantity);

        Assert.Equal(ExchangeStatus.Ok, driver.Take(listing, Carol, 50));
        Assert.Equal(T(6), driver.Last<ListingTaken>().Trade.Quantity);
        Assert.Equal(T(0), driver.Last<ListingTaken>().Remaining);
        Assert.Equal(0, driver.Book.OpenCount);
        Assert.Equal(0, driver.Book.Reservations.Count);

        Assert.Equal(ExchangeStatus.ListingExhausted, driver.Take(listing, Carol, 1));
        Assert.Equal(ExchangeStatus.ListingNotFound, driver.Take(new OrderId(99), Carol, 1));
        driver.AssertInvariants();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void takes_go_to_the_best_price_first_then_the_earliest(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        driver.Post(Alice, Side.Sell, 5_200, 10); // 1
        driver.Post(Bob, Side.Sell, 5_100, 10);   // 2
        driver.Post(Alice, Side.Sell, 5_100, 10); // 3
        driver.Post(Bob, Side.Buy, 4_800, 10);    // 4
        driver.Post(Alice, Side.Buy, 4_900, 10);  // 5
        driver.Post(Carol, Side.Buy, 4_900, 10);  // 6

        Assert.Equal([2L, 3L, 1L], driver.Book.Listings(Side.Sell).Select(l => l.Id.Value));
        Assert.Equal([5L, 6L, 4L], driver.Book.Listings(Side.Buy).Select(l => l.Id.Value));

        Assert.Equal(ExchangeStatus.Ok, driver.TakeBest(Side.Sell, Carol, 10));
        Assert.Equal(new OrderId(2), driver.Last<ListingTaken>().Listing);
        Assert.Equal(ExchangeStatus.Ok, driver.TakeBest(Side.Sell, Carol, 10));
        Assert.Equal(new OrderId(3), driver.Last<ListingTaken>().Listing);
        Assert.Equal(ExchangeStatus.Ok, driver.TakeBest(Side.Buy, Bob, 3));
        Assert.Equal(new OrderId(5), driver.Last<ListingTaken>().Listing);
        Assert.Equal(ExchangeStatus.Ok, driver.TakeBest(Side.Buy, Bob, 7));
        Assert.Equal(ExchangeStatus.SelfTake, driver.TakeBest(Side.Buy, Carol, 1));
        driver.AssertInvariants();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void a_listing_that_would_cross_the_opposite_best_is_refused(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        driver.Post(Alice, Side.Sell, 5_100, 10);
        driver.Post(Alice, Side.Buy, 4_900, 10);
        Assert.Equal(ExchangeStatus.CrossesOppositeListing, driver.Post(Bob, Side.Buy, 5_100, 1));
        Assert.Equal(ExchangeStatus.CrossesOppositeListing, driver.Post(Bob, Side.Sell, 4_900, 1));
        Assert.Equal(ExchangeStatus.Ok, driver.Post(Bob, Side.Buy, 5_099, 1));
        Assert.Equal(ExchangeStatus.Ok, driver.Post(Bob, Side.Sell, 5_100, 1));
        driver.AssertInvariants();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void open_listings_per_participant_are_bounded(string kind)
    {
        var driver = new BookDriver(NewBook(kind, ListingRules.Default with { OpenListingsPerParticipantMax = 2 }));
        Assert.Equal(ExchangeStatus.Ok, driver.Post(Alice, Side.Sell, 5_100, 1));
        Assert.Equal(ExchangeStatus.Ok, driver.Post(Alice, Side.Buy, 4_900, 1));
        Assert.Equal(ExchangeStatus.TooManyOpenListings, driver.Post(Alice, Side.Sell, 5_200, 1));
        Assert.Equal(ExchangeStatus.Ok, driver.Post(Bob, Side.Sell, 5_200, 1));
        Assert.Equal(ExchangeStatus.Ok, driver.Take(new OrderId(1), Bob, 1));
        Assert.Equal(ExchangeStatus.Ok, driver.Post(Alice, Side.Sell, 5_300, 1));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void cancelling_releases_the_open_part_and_only_the_owner_may_cancel(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        driver.Post(Alice, Side.Buy, 5_000, 10);
        var listing = driver.LastId;
        driver.Take(listing, Bob, 4);
        Assert.Equal(ExchangeStatus.NotOwner, driver.Book.Cancel(listing, Bob, driver.Now, driver.Events));
        Assert.Equal(ExchangeStatus.Ok, driver.Book.Cancel(listing, Alice, driver.Now, driver.Events));
        // 50.00 + ⌈0.30⌉ = 50.30 reserved per tonne; 6 t open.
        Assert.Equal(new ListingCancelled(driver.Now, listing, Alice, T(6), T(0), new Money(6 * 5_030)), driver.Last<ListingCancelled>());
        Assert.Equal(ExchangeStatus.ListingNotFound, driver.Book.Cancel(listing, Alice, driver.Now, driver.Events));
        Assert.Equal(0, driver.Book.Reservations.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void every_open_listing_expires_at_the_close_in_id_order(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        driver.Post(Alice, Side.Sell, 5_200, 10);
        driver.Post(Bob, Side.Buy, 4_900, 10);
        driver.Post(Carol, Side.Sell, 5_100, 10);
        driver.Take(new OrderId(3), Bob, 4);
        var close = At(15, 0);
        driver.Events.Clear();

        Assert.Equal(3, driver.Book.ExpireAll(close, driver.Events));

        Assert.Equal(
            [
                new ListingExpired(close, new OrderId(1), Alice, T(10), T(10), Money.Zero),
                new ListingExpired(close, new OrderId(2), Bob, T(10), T(0), new Money(10 * 4_930)),
                new ListingExpired(close, new OrderId(3), Carol, T(6), T(6), Money.Zero),
            ],
            driver.Events);
        Assert.Equal(0, driver.Book.OpenCount);
        Assert.Equal(0, driver.Book.Reservations.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void sell_listings_need_available_units_and_buy_listings_need_funds_with_fees(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        // 50.01 + ⌈0.30006⌉ = 50.32 per tonne reserved for a buy.
        var exact = new ParticipantPosition(T(10), new Money(10 * 5_032), T(0));
        var short1 = new ParticipantPosition(T(9), new Money((10 * 5_032) - 1), T(0));
        Assert.Equal(ExchangeStatus.InsufficientUnits, driver.Post(Alice, Side.Sell, 5_100, 10, short1));
        Assert.Equal(ExchangeStatus.Ok, driver.Post(Alice, Side.Sell, 5_100, 10, exact));
        Assert.Equal(ExchangeStatus.InsufficientFunds, driver.Post(Bob, Side.Buy, 5_001, 10, short1));
        Assert.Equal(ExchangeStatus.Ok, driver.Post(Bob, Side.Buy, 5_001, 10, exact));
        Assert.Equal(new Money(10 * 5_032), driver.Last<ListingPosted>().FundsReserved);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void a_taker_needs_funds_for_price_and_fee_of_the_fill_or_the_units(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        driver.Post(Alice, Side.Sell, 5_000, 10);
        // 3 t × 50.00 = 150.00, fee 0.90: 150.90 needed even when 50 t are asked for.
        Assert.Equal(ExchangeStatus.Ok, driver.Take(driver.LastId, Bob, 3, new ParticipantPosition(T(0), new Money(15_090), T(0))));
        Assert.Equal(ExchangeStatus.InsufficientFunds, driver.Take(driver.LastId, Bob, 50, new ParticipantPosition(T(0), new Money(35_209), T(0))));
        Assert.Equal(ExchangeStatus.Ok, driver.Take(driver.LastId, Bob, 50, new ParticipantPosition(T(0), new Money(35_210), T(0))));

        driver.Post(Alice, Side.Buy, 4_900, 10);
        Assert.Equal(ExchangeStatus.InsufficientUnits, driver.Take(driver.LastId, Bob, 5, new ParticipantPosition(T(4), Money.Zero, T(4))));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void taking_a_buy_listing_releases_what_the_per_tonne_reservation_did_not_need(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        driver.Post(Alice, Side.Buy, 5_001, 10); // 50.32 reserved per tonne
        driver.Take(driver.LastId, Bob, 3);
        var taken = driver.Last<ListingTaken>();
        // 3 × 50.32 = 150.96 consumed; turnover 150.03, fee 0.90 (0.90018): 0.03 released.
        Assert.Equal(new Money(15_003), taken.Trade.Turnover);
        Assert.Equal(new Money(90), taken.Trade.BuyerFee);
        Assert.Equal(new Money(3), taken.FundsReleased);
        Assert.Equal(Alice, taken.Trade.BuyerId);
        Assert.Equal(Bob, taken.Trade.SellerId);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void order_ids_must_ascend(string kind)
    {
        var book = NewBook(kind);
        var events = new List<ExchangeEvent>();
        var at = At(10, 0);
        Assert.Equal(ExchangeStatus.Ok, book.Post(new OrderId(10), Alice, Side.Sell, P(5_000), T(1), ParticipantPosition.Unlimited, at, events));
        Assert.Equal(ExchangeStatus.OrderIdNotAscending, book.Post(new OrderId(10), Bob, Side.Sell, P(5_000), T(1), ParticipantPosition.Unlimited, at, events));
        Assert.Equal(ExchangeStatus.OrderIdNotAscending, book.Post(new OrderId(9), Bob, Side.Sell, P(5_000), T(1), ParticipantPosition.Unlimited, at, events));
        Assert.Equal(ExchangeStatus.Ok, book.Post(new OrderId(11), Bob, Side.Sell, P(5_000), T(1), ParticipantPosition.Unlimited, at, events));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void depth_shows_five_levels_per_side_with_imbalance_and_difference(string kind)
    {
        var driver = new BookDriver(NewBook(kind));
        for (var i = 0; i < 7; i++)
        {
            driver.Post(Alice, Side.Sell, 5_100 + (i * 10), 10);
            driver.Post(Bob, Side.Buy, 4_900 - (i * 10), 30);
        }

        driver.Post(Carol, Side.Sell, 5_100, 5);
        var depth = driver.Book.Depth(5);
        Assert.Equal(new DepthLevel(P(5_100), T(15), 2), depth.Asks[0]);
        Assert.Equal(new DepthLevel(P(4_900), T(30), 1), depth.Bids[0]);
        Assert.Equal([4_900L, 4_890, 4_880, 4_870, 4_860], depth.Bids.Select(l => l.Price.Fen));
        Assert.Equal(5, depth.Asks.Count);
        Assert.Equal(T(150), depth.BidTotal);
        Assert.Equal(T(55), depth.AskTotal);
        Assert.Equal(T(95), depth.Difference);
        Assert.Equal(4_634, depth.ImbalanceBasisPoints); // 95 / 205 = 0.46341
    }
}
