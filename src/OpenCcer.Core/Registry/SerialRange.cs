namespace OpenCcer.Core.Registry;

/// <summary>
/// Serial numbers <see cref="First"/> to <see cref="Last"/>, both inclusive, of one issuance.
/// Invariant: 1 ≤ First ≤ Last.
/// </summary>
public readonly record struct SerialRange(IssuanceId Issuance, long First, long Last)
{
    public long Count => checked(Last - First + 1);
}
