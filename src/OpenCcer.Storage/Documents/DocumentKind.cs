namespace OpenCcer.Storage.Documents;

/// <summary>What a stored document is. Stored as snake_case text; values are stable: append, never renumber.</summary>
public enum DocumentKind
{
    DesignDocument = 0,
    MonitoringReport = 1,
    ValidationReport = 2,
    VerificationReport = 3,
    Evidence = 4,
}
