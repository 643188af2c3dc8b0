namespace OpenCcer.Core.Registry;

/// <summary>
/// A hold on units of one instrument in one account, for an exchange order or a cancellation request.
/// <see cref="Remaining"/> equals the units in blocks held by this reservation; it only decreases
/// (released, settled or cancelled).
/// </summary>
public sealed class Reservation
{
    internal Reservation(ReservationId id, AccountId account, Instrument instrument, string purpose, long quantity,
        DateTimeOffset createdAt)
    {
        Id = id;
        Account = account;
        Instrument = instrument;
        Purpose = purpose;
        Quantity = quantity;
        Remaining = quantity;
        CreatedAt = createdAt;
        Blocks = new BlockList(account, instrument, UnitState.Reserved);
    }

    public ReservationId Id { get; }
    public AccountId Account { get; }
    public Instrument Instrument { get; }
    public string Purpose { get; }
    public long Quantity { get; }
    public long Remaining { get; internal set; }
    public DateTimeOffset CreatedAt { get; }

    /// <summary>
    /// The reserved blocks, kept on the reservation: a release or settlement has found the reservation
    /// already, so it finds its blocks without a map per holding.
    /// </summary>
    internal BlockList Blocks { get; }

    /// <summary>Whether the holding lists this reservation among its own (done once, when it gets blocks).</summary>
    internal bool Tracked { get; set; }
}
