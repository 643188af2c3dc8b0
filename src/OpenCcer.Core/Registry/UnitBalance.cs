namespace OpenCcer.Core.Registry;

/// <summary>
/// Where the units of one issuance are. Conservation: Held + InTrading + Reserved + Frozen + Cancelled
/// equals Issued, always.
/// </summary>
public sealed record UnitBalance(long Issued, long Held, long InTrading, long Reserved, long Frozen, long Cancelled)
{
    public bool IsConserved => checked(Held + InTrading + Reserved + Frozen + Cancelled) == Issued;
}
