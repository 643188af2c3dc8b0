using System.Collections.Immutable;

namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// A project as the lifecycle sees it. Changed only by <see cref="ProjectLifecycle"/>, which returns a new
/// instance. Invariants: <see cref="Notice"/>, <see cref="ValidationVvb"/> and <see cref="ValidationDue"/> are
/// set from publication on (and cleared again by a withdrawal); <see cref="Application"/>,
/// <see cref="AppliedOn"/> and <see cref="ReviewDue"/> are set from the first application on.
/// </summary>
public sealed record ProjectState
{
    /// <summary>Calendar days from the notice start to the validation report, owner delays not deducted (V 4.3.3).</summary>
    public const int ValidationDaysMax = 100;

    /// <summary>Working days the registry has to decide on an application (M 15).</summary>
    public const int ReviewWorkingDays = 15;

    /// <summary>Corrective-action requests kept per project; a bound on growth.</summary>
    public const int CorrectiveActionsMax = 1_000;

    public required ProjectId Id { get; init; }

    public required OrganisationId Owner { get; init; }

    public required ProjectPhase Phase { get; init; }

    public required ProjectDescription Description { get; init; }

    public PublicNotice? Notice { get; init; }

    /// <summary>The VVB named at publication; it validates the project and may never verify its reductions (M 18).</summary>
    public OrganisationId? ValidationVvb { get; init; }

    /// <summary>Last day (inclusive) for the validation report: notice start plus 100 calendar days.</summary>
    public DateOnly? ValidationDue { get; init; }

    public ImmutableList<CorrectiveActionRequest> CorrectiveActions { get; init; } = [];

    public ValidationReport? ValidationReport { get; init; }

    /// <summary>The latest application; a re-application after a rejection replaces it (the journal keeps both).</summary>
    public ProjectApplication? Application { get; init; }

    public DateOnly? AppliedOn { get; init; }

    /// <summary>Last day (inclusive) for the registry's decision: the 15th working day after the application date.</summary>
    public DateOnly? ReviewDue { get; init; }

    public DateOnly? RegisteredOn { get; init; }

    /// <summary>True while validation is pending and <paramref name="date"/> is after <see cref="ValidationDue"/>.</summary>
    public bool IsValidationOverdue(DateOnly date) =>
        Phase is ProjectPhase.InPublicNotice or ProjectPhase.NoticeEnded or ProjectPhase.UnderValidation
        && date > ValidationDue;

    /// <summary>True while the application awaits a decision and <paramref name="date"/> is after <see cref="ReviewDue"/>.</summary>
    public bool IsReviewOverdue(DateOnly date) =>
        Phase is ProjectPhase.Applied or ProjectPhase.UnderReview && date > ReviewDue;

    /// <summary>True while any corrective-action request is open.</summary>
    public bool HasOpenCorrectiveActions => CorrectiveActions.Any(c => c.IsOpen);
}
