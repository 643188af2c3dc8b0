namespace OpenCcer.Server.Certificates;

/// <summary>
/// The public record behind a cancellation certificate (R 15): what the PDF prints, what the verification
/// page and its JSON show. <see cref="JournalHash"/> is the hash of the journal row that recorded the
/// cancellation, so anyone can check it against a verified copy of the journal.
/// </summary>
public sealed record CertificateView(
    string CertificateNumber,
    string Purpose,
    string PurposeLabel,
    string UnitClass,
    string Beneficiary,
    string AccountHolder,
    long QuantityTonnes,
    IReadOnlyList<string> SerialBlocks,
    string ProjectCode,
    string? ProjectTitle,
    string? MethodologyCode,
    string? Province,
    int Vintage,
    string CancelledAt,
    string CancelledOn,
    long JournalSequence,
    string JournalHash,
    ComplianceLink? Compliance,
    string VerificationUrl,
    string PdfUrl);

/// <summary>The compliance record a national ETS surrender belongs to.</summary>
public sealed record ComplianceLink(string SubjectId, int Period);
