namespace OpenCcer.Core.Registry;

/// <summary>
/// Serial numbers <see cref="First"/>..<see cref="Last"/> (inclusive) of one issuance, all in one
/// account and one state. <see cref="Hold"/> is the reservation, freeze or cancellation id that owns
/// the block when its state is not Available, otherwise 0. Blocks never overlap; together the blocks
/// of an issuance cover exactly its range.
/// </summary>
public sealed class Block
{
    internal Block(BlockId id, IssuanceId issuance, Instrument instrument, long first, long last,
        AccountId account, UnitState state, long hold)
    {
        Id = id;
        Issuance = issuance;
        Instrument = instrument;
        First = first;
        Last = last;
        Account = account;
        State = state;
        Hold = hold;
    }

    public BlockId Id { get; }
    public IssuanceId Issuance { get; }
    public Instrument Instrument { get; }
    public long First { get; }
    public long Last { get; internal set; }
    public AccountId Account { get; internal set; }
    public UnitState State { get; internal set; }
    public long Hold { get; internal set; }
    public long Count => checked(Last - First + 1);

    /// <summary>The serial block as people read it, e.g. <c>CCER-P0001-2024-1-100</c>.</summary>
    public string Render(SerialFormat format) => format.Render(Instrument, First, Last);
}
