namespace OpenCcer.Core.Lifecycle;

/// <summary>One monitoring period's emission reductions of a project, from the monitoring report to issuance. The adapter creates the value (time-ordered UUIDv7); Core never does.</summary>
public readonly record struct ReductionId(Guid Value)
{
    public override string ToString() => Value.ToString("D");
}
