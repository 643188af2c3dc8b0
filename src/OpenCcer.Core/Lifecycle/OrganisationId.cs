namespace OpenCcer.Core.Lifecycle;

/// <summary>A legal person or organisation acting in the registry (project owner, VVB, registry, regulator…). <see cref="None"/> stands for an anonymous member of the public. The adapter creates the value (time-ordered UUIDv7); Core never does.</summary>
public readonly record struct OrganisationId(Guid Value)
{
    /// <summary>No organisation: the anonymous public.</summary>
    public static readonly OrganisationId None = new(Guid.Empty);

    public bool IsNone => Value == Guid.Empty;

    public override string ToString() => Value.ToString("D");
}
