namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// Where one monitoring period's reductions stand (M 17-22). Terminal: <see cref="Issued"/>,
/// <see cref="Rejected"/>. Values are stable: append, never renumber.
/// </summary>
public enum ReductionPhase
{
    Monitoring = 0,
    ReportDrafted = 1,
    InPublicNotice = 2,
    UnderVerification = 3,
    Verified = 4,
    Applied = 5,
    UnderReview = 6,
    Registered = 7,
    Issued = 8,
    Rejected = 9,
}
