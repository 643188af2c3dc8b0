using OpenCcer.Core.Registry;

namespace OpenCcer.Storage.Compliance;

/// <summary>
/// One cancellation made for a compliance surrender: allowances or CCER offsets of one instrument, linked
/// to the compliance record (subject, period) and to the cancellation certificate.
/// </summary>
public sealed record SurrenderLine(string OperationId, int Line, string SubjectId, int Period, UnitClass UnitClass, string ProjectCode,
    int Vintage, long Tonnes, string CertificateNumber, string SurrenderedAt);
