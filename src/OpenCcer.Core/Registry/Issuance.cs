using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Registry;

/// <summary>
/// Units issued once for a project and vintage, serials <see cref="First"/>..<see cref="Last"/>
/// inclusive, contiguous with the project's previous issuance. <see cref="Reference"/> is unique
/// (e.g. the registered reduction it comes from) and makes issuing idempotent.
/// </summary>
public sealed record Issuance(
    IssuanceId Id,
    string Reference,
    Instrument Instrument,
    long First,
    long Last,
    AccountId Account,
    DateTimeOffset IssuedAt)
{
    public Tonnes Quantity => new(checked(Last - First + 1));
}
