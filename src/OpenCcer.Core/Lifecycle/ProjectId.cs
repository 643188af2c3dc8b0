namespace OpenCcer.Core.Lifecycle;

/// <summary>A project in the registry. The adapter creates the value (time-ordered UUIDv7); Core never does.</summary>
public readonly record struct ProjectId(Guid Value)
{
    public override string ToString() => Value.ToString("D");
}
