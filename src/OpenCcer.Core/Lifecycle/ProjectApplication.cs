using System.Collections.Immutable;

namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// The owner's application for registration (M 13) and the declarations that go with it: the signed
/// commitment that the project is registered in no other mechanism, its registrations elsewhere (past or
/// present), its status under the ETS, and whether it elects green electricity certificates.
/// </summary>
public sealed record ProjectApplication(
    bool UniquenessCommitmentSigned,
    ImmutableArray<ExternalRegistration> ExternalRegistrations,
    bool UnderEtsAllowanceManagement,
    bool HasLegalReductionObligation,
    bool GreenCertificatesElected);
