using System.Globalization;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using Xunit.Abstractions;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

/// <summary>
/// The optimized book against the naive reference over many random commands. The seed is printed;
/// <c>OPENCCER_SEED</c> replays a run.
/// </summary>
public sealed class ListedBookPropertyTests(ITestOutputHelper output)
{
    private const int Steps = 120_000;

    private static int Seed()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OPENCCER_SEED");
        return fromEnvironment is not null ? int.Parse(fromEnvironment, CultureInfo.InvariantCulture) : Random.Shared.Next();
    }

    [Fact]
    public void optimized_and_naive_books_agree_on_every_status_and_event_and_never_cross()
    {
        var seed = Seed();
        output.WriteLine($"seed {seed} (replay with OPENCCER_SEED={seed})");
        var random = new Random(seed);
        var fast = NewBook("optimized");
        var naive = NewBook("naive");
        var fastEvents = new List<ExchangeEvent>();
        var naiveEvents = new List<ExchangeEvent>();
        var statuses = new Dictionary<ExchangeStatus, int>();
        var nextOrder = 1L;
        var nextTrade = 1L;
        var day = Day;
        var basePrice = BasePrice;
        var at = At(day, 9, 30);

        for (var step = 0; step < Steps; step++)
        {
            var context = $"seed {seed}, step {step}";
            if (ChinaClock.TimeOf(at) >= new TimeOnly(11, 0) || random.Next(2_500) == 0)
            {
                // Close the day, move to the next trading day around a new base price.
                var close = At(day, 15, 0);
                Assert.Equal(fast.ExpireAll(close, fastEvents), naive.ExpireAll(close, naiveEvents));
                Assert.Equal(naiveEvents, fastEvents);
                do
                {
                    day = day.AddDays(1);
                }
                while (!Clock.TryIsTradingDay(day, out _));

                basePrice = P(Math.Clamp(basePrice.Fen + random.Next(-300, 301), 3_000, 8_000));
                fast.StartDay(basePrice);
                naive.StartDay(basePrice);
                at = At(day, 9, 30);
            }

            // Now and then a command arrives in the midday break; the next step closes that day.
            at = random.Next(500) == 0 ? At(day, 12, 0) : at.AddMilliseconds(random.Next(1, 50));

            fastEvents.Clear();
            naiveEvents.Clear();
            var (a, b) = Step(random, fast, naive, fastEvents, naiveEvents, ref nextOrder, ref nextTrade, at);
            Assert.True(a == b, $"{context}: optimized {a}, naive {b}");
            Assert.True(naiveEvents.SequenceEqual(fastEvents), $"{context}: events differ\n{string.Join("\n", fastEvents)}\nvs\n{string.Join("\n", naiveEvents)}");
            statuses[a] = statuses.GetValueOrDefault(a) + 1;

            Assert.Equal(naive.OpenCount, fast.OpenCount);
            Assert.Equal(fast.OpenCount, fast.Reservations.Count);
            if (fast.TryGetBest(Side.Buy, out var bid) && fast.TryGetBest(Side.Sell, out var ask))
            {
                Assert.True(bid.Price < ask.Price, $"{context}: crossed book {bid.Price} / {ask.Price}");
            }

            if (step % 97 == 0)
            {
                Assert.Empty(fast.CheckInvariants());
                Assert.Empty(naive.CheckInvariants());
                Assert.Equal(naive.Listings(Side.Buy), fast.Listings(Side.Buy));
                Assert.Equal(naive.Listings(Side.Sell), fast.Listings(Side.Sell));
                Assert.True(naive.Depth(5).SameLevelsAs(fast.Depth(5)), context);
                Assert.Equal(naive.Reservations.All, fast.Reservations.All);
            }
        }

        foreach (var (status, count) in statuses.OrderBy(kv => kv.Key))
        {
            output.WriteLine($"{status}: {count}");
        }

        Assert.True(statuses.GetValueOrDefault(ExchangeStatus.Ok) > Steps / 3, $"seed {seed}: too few accepted commands");
        Assert.True(nextTrade > Steps / 10, $"seed {seed}: too few trades");
    }

    private static (ExchangeStatus Fast, ExchangeStatus Naive) Step(
        Random random, IListedBook fast, IListedBook naive, List<ExchangeEvent> fastEvents, List<ExchangeEvent> naiveEvents,
        ref long nextOrder, ref long nextTrade, DateTimeOffset at)
    {
        var who = new ParticipantId(random.Next(1, 25));
        var position = random.Next(10) == 0
            ? new ParticipantPosition(T(random.Next(0, 40)), new Money(random.Next(0, 200_000)), T(0))
            : ParticipantPosition.Unlimited;
        var roll = random.Next(100);
        var band = fast.Band;
        (ExchangeStatus, ExchangeStatus) result;
        if (roll < 45)
        {
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var middle = (band.Lower.Fen + band.Upper.Fen) / 2;
            var spread = (band.Upper.Fen - band.Lower.Fen) / 2;
            var price = side == Side.Buy
                ? middle - random.NextInt64(-spread / 20, spread + 3)
                : middle + random.NextInt64(-spread / 20, spread + 3);
            var quantity = random.Next(50) == 0 ? random.Next(-1, 1) : random.Next(1, 60);
            var id = new OrderId(random.Next(200) == 0 ? nextOrder - 1 : nextOrder);
            result = (
                fast.Post(id, who, side, P(price), T(quantity), position, at, fastEvents),
                naive.Post(id, who, side, P(price), T(quantity), position, at, naiveEvents));
            if (result.Item1 == ExchangeStatus.Ok)
            {
                nextOrder++;
            }
        }
        else if (roll < 70)
        {
            var listing = new OrderId(Math.Max(1, nextOrder - random.Next(1, 120)));
            var quantity = T(random.Next(1, 40));
            var trade = new TradeId(nextTrade);
            result = (
                fast.Take(listing, who, quantity, position, trade, at, fastEvents),
                naive.Take(listing, who, quantity, position, trade, at, naiveEvents));
            if (result.Item1 == ExchangeStatus.Ok)
            {
                nextTrade++;
            }
        }
        else if (roll < 80)
        {
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var quantity = T(random.Next(1, 40));
            var trade = new TradeId(nextTrade);
            result = (
                fast.TakeBest(side, who, quantity, position, trade, at, fastEvents),
                naive.TakeBest(side, who, quantity, position, trade, at, naiveEvents));
            if (result.Item1 == ExchangeStatus.Ok)
            {
                nextTrade++;
            }
        }
        else
        {
            var listing = new OrderId(Math.Max(1, nextOrder - random.Next(1, 120)));
            var owner = fast.TryGet(listing, out var view) && random.Next(10) != 0 ? view.Participant : who;
            result = (fast.Cancel(listing, owner, at, fastEvents), naive.Cancel(listing, owner, at, naiveEvents));
        }

        return result;
    }
}
