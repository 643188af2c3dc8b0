namespace OpenCcer.Application.Lifecycle;

// Lifecycle request bodies (snake_case JSON), the handlers' inputs from the API and the portal. Dates are ISO "yyyy-MM-dd"; quantities are whole tonnes.

public sealed record DraftProjectRequest(string? Title, string? MethodologyCode, string? Province, DateOnly? ConstructionStart,
    DateOnly? CreditingStart, int? CreditingYears);

public sealed record VvbRequest(string? VvbSubjectId);

public sealed record TextRequest(string? Text);

public sealed record ValidationReportRequest(string? Conclusion, string? DocumentSha256, string? Summary);

public sealed record ExternalRegistrationRequest(string? Mechanism, string? Id, bool? Active);

public sealed record ProjectApplyRequest(bool? UniquenessCommitmentSigned, ExternalRegistrationRequest[]? ExternalRegistrations,
    bool? UnderEtsAllowanceManagement, bool? HasLegalReductionObligation, bool? GreenCertificatesElected);

public sealed record MonitoringRequest(DateOnly? PeriodFirst, DateOnly? PeriodLast);

public sealed record ReportRequest(long? QuantityTonnes, string? ReportSha256);

public sealed record QuantityRequest(long? QuantityTonnes);
