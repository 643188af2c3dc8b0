using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

/// <summary>A market with ascending ids, a generous position by default, and every result kept.</summary>
internal sealed class MarketDriver(MarketRules? rules = null, PricePerTonne? basePrice = null)
{
    private long _nextId = 1;

    public Market Market { get; } = new(Instrument, basePrice ?? BasePrice, Clock, rules);

    public DateTimeOffset Now { get; set; } = At(10, 0);

    public List<ExchangeEvent> Events { get; } = [];

    public OrderId NextId() => new(_nextId++);

    public ExchangeStatus Run(MarketCommand command, DateTimeOffset? at = null)
    {
        var result = Market.Execute(command, at ?? Now);
        Events.AddRange(result.Events);
        Assert.Empty(Market.CheckInvariants());
        return result.Status;
    }

    public ExchangeStatus Post(ParticipantId who, Side side, long priceFen, long tonnes, ParticipantPosition? position = null) =>
        Run(new PostListing(NextId(), who, side, P(priceFen), T(tonnes), position ?? ParticipantPosition.Unlimited));

    public ExchangeStatus TakeBest(Side listingSide, ParticipantId who, long tonnes, ParticipantPosition? position = null) =>
        Run(new TakeBestListing(listingSide, who, T(tonnes), position ?? ParticipantPosition.Unlimited));

    public IEnumerable<TEvent> All<TEvent>() => Events.OfType<TEvent>();
}
