namespace OpenCcer.Core.Registry;

/// <summary>
/// Serial numbers <see cref="First"/>..<see cref="Last"/> (inclusive) of one issuance, all in one
/// account and one state. <see cref="Hold"/> is the reservation, freeze or cancellation id that owns
/// the block when its state is not Available, otherwise 0. Blocks never overlap; together the blocks
/// of an issuance cover exactly its range.
/// </summary>
/// <remarks>
/// A snapshot: the ledger keeps its blocks as plain values in per-state lists and builds a
/// <see cref="Block"/> when one is asked for, so a later command does not change one already read.
/// </remarks>
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
    public long Last { get; }
    public AccountId Account { get; }
    public UnitState State { get; }
    public long Hold { get; }
    public long Count => checked(Last - First + 1);

    /// <summary>The serial block as people read it, e.g. <c>CCER-P0001-2024-1-100</c>.</summary>
    public string Render(SerialFormat format) => format.Render(Instrument, First, Last);
}
