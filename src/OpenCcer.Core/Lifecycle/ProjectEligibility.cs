namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// The eligibility rules a project application must pass (M 9, 10, 43, 48), in the order of
/// <see cref="LifecycleStatus"/>. Public so that an adapter can show an owner what would fail before applying.
/// </summary>
public static class ProjectEligibility
{
    /// <summary>Construction must start strictly after this day (M 9).</summary>
    public static readonly DateOnly ConstructionStartAfter = new(2012, 11, 8);

    /// <summary>
    /// Methodologies whose projects may not also trade green electricity certificates (M 48):
    /// grid-connected solar thermal and offshore wind.
    /// </summary>
    public static readonly IReadOnlySet<string> GreenCertificateExclusive = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CCER-01-001-V01",
        "CCER-01-002-V01",
    };

    /// <summary>
    /// The first rule the application breaks on <paramref name="date"/>, or <see cref="LifecycleStatus.Ok"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The methodology terms are for another methodology: a caller defect.</exception>
    public static LifecycleStatus Check(ProjectState project, ProjectApplication application, ApplicationContext context, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(context);
        var description = project.Description;
        if (!string.Equals(context.Methodology.Code, description.MethodologyCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Terms of {context.Methodology.Code} passed for a project under {description.MethodologyCode}.", nameof(context));
        }

        if (context.Bans.Any(b => b.Owner == project.Owner && b.IsActiveOn(date)))
        {
            return LifecycleStatus.ApplicationBanActive;
        }

        if (!application.UniquenessCommitmentSigned)
        {
            return LifecycleStatus.UniquenessCommitmentMissing;
        }

        if (description.ConstructionStart <= ConstructionStartAfter)
        {
            return LifecycleStatus.ConstructionStartTooEarly;
        }

        if (!context.Methodology.IsInForceOn(date))
        {
            return LifecycleStatus.MethodologyNotInForce;
        }

        if (description.CreditingPeriod.Years > context.Methodology.CreditingYearsMax)
        {
            return LifecycleStatus.CreditingPeriodTooLong;
        }

        if (application.UnderEtsAllowanceManagement)
        {
            return LifecycleStatus.UnderEtsAllowanceManagement;
        }

        if (application.HasLegalReductionObligation)
        {
            return LifecycleStatus.LegalReductionObligation;
        }

        var registrations = application.ExternalRegistrations.IsDefault ? [] : application.ExternalRegistrations;
        if (registrations.Any(r => r.Active))
        {
            return LifecycleStatus.RegisteredElsewhere;
        }

        if (registrations.Any(r => context.KnownExternalIds.Contains(r.Id)))
        {
            return LifecycleStatus.ExternalIdAlreadyClaimed;
        }

        if (application.GreenCertificatesElected && GreenCertificateExclusive.Contains(description.MethodologyCode))
        {
            return LifecycleStatus.GreenCertificateElected;
        }

        return LifecycleStatus.Ok;
    }
}
