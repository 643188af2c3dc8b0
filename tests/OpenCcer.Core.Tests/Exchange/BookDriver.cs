using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

/// <summary>Drives a book with ascending ids, trade ids and a generous position unless told otherwise.</summary>
internal sealed class BookDriver(IListedBook book)
{
    private long _nextOrder = 1;
    private long _nextTrade = 1;

    public IListedBook Book { get; } = book;

    public List<ExchangeEvent> Events { get; } = [];

    public DateTimeOffset Now { get; set; } = At(10, 0);

    public OrderId LastId { get; private set; }

    public ExchangeStatus Post(ParticipantId who, Side side, long priceFen, long tonnes, ParticipantPosition? position = null)
    {
        var id = new OrderId(_nextOrder++);
        var status = Book.Post(id, who, side, P(priceFen), T(tonnes), position ?? ParticipantPosition.Unlimited, Now, Events);
        if (status == ExchangeStatus.Ok)
        {
            LastId = id;
        }

        return status;
    }

    public ExchangeStatus Take(OrderId listing, ParticipantId who, long tonnes, ParticipantPosition? position = null)
    {
        var status = Book.Take(listing, who, T(tonnes), position ?? ParticipantPosition.Unlimited, new TradeId(_nextTrade), Now, Events);
        if (status == ExchangeStatus.Ok)
        {
            _nextTrade++;
        }

        return status;
    }

    public ExchangeStatus TakeBest(Side listingSide, ParticipantId who, long tonnes)
    {
        var status = Book.TakeBest(listingSide, who, T(tonnes), ParticipantPosition.Unlimited, new TradeId(_nextTrade), Now, Events);
        if (status == ExchangeStatus.Ok)
        {
            _nextTrade++;
        }

        return status;
    }

    public TEvent Last<TEvent>() where TEvent : ExchangeEvent => Assert.IsType<TEvent>(Events[^1]);

    public void AssertInvariants() => Assert.Empty(Book.CheckInvariants());
}
