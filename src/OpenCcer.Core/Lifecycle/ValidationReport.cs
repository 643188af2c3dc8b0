namespace OpenCcer.Core.Lifecycle;

/// <summary>The VVB's validation report: its conclusion, the SHA-256 of the stored document, and a short summary.</summary>
public sealed record ValidationReport(ValidationConclusion Conclusion, string DocumentSha256, string Summary);
