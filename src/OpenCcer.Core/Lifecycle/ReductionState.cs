using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// One monitoring period's reductions as the lifecycle sees them. Changed only by
/// <see cref="ReductionLifecycle"/>, which returns a new instance. Invariants: <see cref="Period"/> is well
/// formed and does not overlap another live period of the project; once set, <see cref="AppliedQuantity"/>
/// equals <see cref="VerifiedQuantity"/>; <see cref="VerificationVvb"/> is never the project's validation VVB.
/// </summary>
public sealed record ReductionState
{
    /// <summary>Calendar days from the notice start to the verification report (V 5.3.3).</summary>
    public const int VerificationDaysMax = 100;

    /// <summary>Working days the registry has to decide on an application (M 22).</summary>
    public const int ReviewWorkingDays = 15;

    public required ReductionId Id { get; init; }

    public required ProjectId Project { get; init; }

    public required OrganisationId Owner { get; init; }

    public required ReductionPhase Phase { get; init; }

    /// <summary>The monitoring period, both ends inclusive.</summary>
    public required MonitoringPeriod Period { get; init; }

    /// <summary>The quantity the owner's monitoring report claims.</summary>
    public Tonnes? ClaimedQuantity { get; init; }

    public string? ReportSha256 { get; init; }

    public PublicNotice? Notice { get; init; }

    public OrganisationId? VerificationVvb { get; init; }

    /// <summary>Last day (inclusive) for the verification report: notice start plus 100 calendar days.</summary>
    public DateOnly? VerificationDue { get; init; }

    /// <summary>The quantity the verification report fixed; the only quantity that may be applied for.</summary>
    public Tonnes? VerifiedQuantity { get; init; }

    public string? VerificationReportSha256 { get; init; }

    public Tonnes? AppliedQuantity { get; init; }

    public DateOnly? AppliedOn { get; init; }

    /// <summary>Last day (inclusive) for the registry's decision: the 15th working day after the application date.</summary>
    public DateOnly? ReviewDue { get; init; }

    /// <summary>Whether this period still blocks overlapping periods: every phase but <see cref="ReductionPhase.Rejected"/>.</summary>
    public bool IsLive => Phase != ReductionPhase.Rejected;

    public bool IsVerificationOverdue(DateOnly date) =>
        Phase is ReductionPhase.InPublicNotice or ReductionPhase.UnderVerification && date > VerificationDue;

    public bool IsReviewOverdue(DateOnly date) =>
        Phase is ReductionPhase.Applied or ReductionPhase.UnderReview && date > ReviewDue;
}
