using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Registry;

/// <summary>
/// A cancellation (注销): units taken out of circulation for good, with its purpose, beneficiary and
/// certificate number. <see cref="Ranges"/> are the serials it consumed; they never move again.
/// </summary>
public sealed record Cancellation(
    CancellationId Id,
    string CertificateNumber,
    AccountId Account,
    Instrument Instrument,
    CancellationPurpose Purpose,
    string Beneficiary,
    IReadOnlyList<SerialRange> Ranges,
    DateTimeOffset CancelledAt)
{
    public Tonnes Quantity => new(Ranges.Sum(r => r.Count));
}
