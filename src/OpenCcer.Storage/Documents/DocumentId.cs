namespace OpenCcer.Storage.Documents;

/// <summary>A stored document. The adapter creates the value (time-ordered UUIDv7).</summary>
public readonly record struct DocumentId(Guid Value)
{
    public override string ToString() => Value.ToString("D");
}
