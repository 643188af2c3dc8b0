using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// The rules a monitoring period and a reduction application must pass (M 17; V 2.3), in the order of
/// <see cref="LifecycleStatus"/>. The period rules are checked when monitoring starts and again on
/// application, since another period of the project may have been opened in between.
/// </summary>
public static class ReductionEligibility
{
    /// <summary>Reductions count only if generated strictly after this day (M 17): a period starts on 2020-09-23 at the earliest.</summary>
    public static readonly DateOnly GeneratedAfter = new(2020, 9, 22);

    /// <summary>The tested day of the period may be at most this many years before the application date (M 17).</summary>
    public const int YearsBeforeApplicationMax = 5;

    /// <summary>
    /// The first rule <paramref name="period"/> breaks for <paramref name="project"/>, or
    /// <see cref="LifecycleStatus.Ok"/>. <paramref name="projectReductions"/> are the project's reductions as
    /// loaded by the caller; the one with <paramref name="self"/> as id and rejected ones are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">A reduction of another project was passed: a caller defect.</exception>
    public static LifecycleStatus CheckPeriod(
        ProjectState project, ReductionId self, MonitoringPeriod period, IEnumerable<ReductionState> projectReductions)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(projectReductions);
        if (project.Phase != ProjectPhase.Registered)
        {
            return LifecycleStatus.ProjectNotRegistered;
        }

        if (!period.IsWellFormed)
        {
            return LifecycleStatus.PeriodInvalid;
        }

        if (!project.Description.CreditingPeriod.Contains(period))
        {
            return LifecycleStatus.OutsideCreditingPeriod;
        }

        if (period.First <= GeneratedAfter)
        {
            return LifecycleStatus.GeneratedBeforeCutoff;
        }

        foreach (var other in projectReductions)
        {
            if (other.Project != project.Id)
            {
                throw new ArgumentException($"Reduction {other.Id} belongs to project {other.Project}, not {project.Id}.", nameof(projectReductions));
            }

            if (other.Id != self && other.IsLive && other.Period.Overlaps(period))
            {
                return LifecycleStatus.PeriodOverlaps;
            }
        }

        return LifecycleStatus.Ok;
    }

    /// <summary>
    /// The first rule an application for <paramref name="quantity"/> on <paramref name="date"/> breaks: the
    /// period rules, then the five-year limit (the tested day may be exactly five years before the date),
    /// then the quantity, which must equal the verified quantity.
    /// </summary>
    public static LifecycleStatus CheckApplication(
        ReductionState reduction,
        ProjectState project,
        IEnumerable<ReductionState> projectReductions,
        Tonnes quantity,
        DateOnly date,
        ReductionRules rules)
    {
        ArgumentNullException.ThrowIfNull(reduction);
        ArgumentNullException.ThrowIfNull(rules);
        var status = CheckPeriod(project, reduction.Id, reduction.Period, projectReductions);
        if (status != LifecycleStatus.Ok)
        {
            return status;
        }

        var tested = rules.FiveYearTestedDay == FiveYearTestedDay.PeriodStart ? reduction.Period.First : reduction.Period.Last;
        if (tested < date.AddYears(-YearsBeforeApplicationMax))
        {
            return LifecycleStatus.OlderThanFiveYears;
        }

        return quantity != reduction.VerifiedQuantity ? LifecycleStatus.QuantityDiffersFromVerified : LifecycleStatus.Ok;
    }
}
