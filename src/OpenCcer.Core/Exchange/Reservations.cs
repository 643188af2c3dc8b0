using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// The exchange's own ledger of reservations, one per open order. Invariant (checked by tests and by
/// <c>CheckInvariants</c> of the owners): every open order has exactly one reservation whose quantity
/// equals the order's open quantity, and no reservation outlives its order.
/// </summary>
public sealed class Reservations
{
    private readonly Dictionary<OrderId, Reservation> _byOrder = [];
    private readonly IReservationSource? _source;

    public Reservations()
    {
    }

    /// <summary>A read-only view of reservations an owner keeps itself (the fast book keeps them beside its orders).</summary>
    internal Reservations(IReservationSource source) => _source = source;

    public int Count => _source?.ReservationCount ?? _byOrder.Count;

    /// <summary>Reservations ordered by order id.</summary>
    public IReadOnlyList<Reservation> All => _source is not null
        ? _source.AllReservations().OrderBy(r => r.Order.Value).ToArray()
        : _byOrder.Values.OrderBy(r => r.Order.Value).ToArray();

    public bool TryGet(OrderId order, out Reservation reservation) =>
        _source is not null ? _source.TryGetReservation(order, out reservation) : _byOrder.TryGetValue(order, out reservation);

    /// <summary>Records the reservation of a newly accepted order.</summary>
    /// <exception cref="InvalidOperationException">The order already has one: a bug, not an outcome.</exception>
    public Reservation Add(OrderId order, ParticipantId participant, Side side, Tonnes quantity, Money fundsPerTonne)
    {
        ThrowIfView();
        var reservation = new Reservation(order, participant, side, quantity, fundsPerTonne);
        if (!quantity.IsPositive || !_byOrder.TryAdd(order, reservation))
        {
            throw new InvalidOperationException($"Reservation of order {order} is invalid or exists.");
        }

        return reservation;
    }

    /// <summary>
    /// Consumes <paramref name="quantity"/> of an order's reservation (a fill) and returns the funds
    /// that part held (zero for a sell). The reservation disappears when nothing is left.
    /// </summary>
    public Money Consume(OrderId order, Tonnes quantity)
    {
        ThrowIfView();
        if (!_byOrder.TryGetValue(order, out var reservation) || !quantity.IsPositive || quantity > reservation.Quantity)
        {
            throw new InvalidOperationException($"Reservation of order {order} cannot give {quantity}.");
        }

        var left = reservation.Quantity - quantity;
        if (left.IsPositive)
        {
            _byOrder[order] = reservation with { Quantity = left };
        }
        else
        {
            _byOrder.Remove(order);
        }

        return reservation.Side == Side.Buy ? new Money(checked(reservation.FundsPerTonne.Fen * quantity.Value)) : Money.Zero;
    }

    /// <summary>Releases what is left of an order's reservation (cancel, expiry, decline) and returns it.</summary>
    public Reservation Release(OrderId order)
    {
        ThrowIfView();
        return _byOrder.Remove(order, out var reservation)
            ? reservation
            : throw new InvalidOperationException($"Order {order} has no reservation.");
    }

    private void ThrowIfView()
    {
        if (_source is not null)
        {
            throw new InvalidOperationException("These reservations are kept by their book and change only through its commands.");
        }
    }
}

/// <summary>An owner that keeps its reservations itself and shows them through <see cref="Reservations"/>.</summary>
internal interface IReservationSource
{
    int ReservationCount { get; }

    bool TryGetReservation(OrderId order, out Reservation reservation);

    IEnumerable<Reservation> AllReservations();
}
