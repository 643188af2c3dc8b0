namespace OpenCcer.Core.Registry;

/// <summary>Purposes of a cancellation (注销), M 28, plus forced (M 43) and judicial deduction.</summary>
public enum CancellationPurpose
{
    NationalEtsOffset = 1,
    LocalEtsOffset = 2,
    LargeEventNeutrality = 3,
    CorporateOffset = 4,
    VoluntaryPublicInterest = 5,
    Forced = 6,
    Judicial = 7,
}
