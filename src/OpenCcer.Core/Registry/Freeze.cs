namespace OpenCcer.Core.Registry;

/// <summary>
/// A judicial freeze of specific units (blocks) of one account, under an authority's reference.
/// While not lifted, <see cref="Quantity"/> units sit in blocks with state Frozen and this hold id.
/// </summary>
public sealed class Freeze
{
    internal Freeze(FreezeId id, AccountId account, Instrument instrument, string authorityReference, long quantity,
        DateTimeOffset frozenAt)
    {
        Id = id;
        Account = account;
        Instrument = instrument;
        AuthorityReference = authorityReference;
        Quantity = quantity;
        FrozenAt = frozenAt;
    }

    public FreezeId Id { get; }
    public AccountId Account { get; }
    public Instrument Instrument { get; }
    public string AuthorityReference { get; }
    public long Quantity { get; }
    public DateTimeOffset FrozenAt { get; }
    public DateTimeOffset? LiftedAt { get; internal set; }
}
