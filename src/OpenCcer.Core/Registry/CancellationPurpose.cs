namespace OpenCcer.Core.Registry;

/// <summary>
/// Purposes of a cancellation (注销), M 28, plus forced (M 43) and judicial deduction; then the
/// surrender of ETS allowances for compliance (the only purpose open to allowances besides forced and
/// judicial), and the two Article 6 movements: a first transfer to a foreign registry, and the
/// overall-mitigation cancellation applied with it.
/// </summary>
public enum CancellationPurpose
{
    NationalEtsOffset = 1,
    LocalEtsOffset = 2,
    LargeEventNeutrality = 3,
    CorporateOffset = 4,
    VoluntaryPublicInterest = 5,
    Forced = 6,
    Judicial = 7,
    AllowanceSurrender = 8,
    InternationalTransfer = 9,
    OverallMitigation = 10,
}
