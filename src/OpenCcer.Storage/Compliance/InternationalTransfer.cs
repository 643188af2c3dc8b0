using OpenCcer.Core.Article6;

namespace OpenCcer.Storage.Compliance;

/// <summary>
/// A transfer of authorized units to a foreign registry (Article 6): the units are cancelled here with
/// purpose international transfer (<see cref="CertificateNumber"/>), and the mitigation share with purpose
/// overall mitigation (<see cref="MitigationCertificateNumber"/>, null when the share is 0 t).
/// </summary>
public sealed record InternationalTransfer(string OperationId, string ProjectCode, int Vintage, long Tonnes, string AcquiringParty,
    string ForeignRegistry, CorrespondingAdjustment CorrespondingAdjustment, string CertificateNumber, long MitigationTonnes,
    string? MitigationCertificateNumber, string TransferredAt);
