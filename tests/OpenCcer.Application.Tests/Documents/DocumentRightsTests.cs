using OpenCcer.Application.Documents;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Documents;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Application.Tests.Documents;

/// <summary>The upload rights by document kind and role, as a table.</summary>
public sealed class DocumentRightsTests
{
    private const string Owner = "OWNER", Validator = "VVB-A", Verifier = "VVB-B";

    private static readonly ProjectState State = ProjectLifecycle.Draft(new Actor(Role.ProjectOwner, Organisations.IdOf(Owner)), new DateOnly(2025, 3, 3),
        new ProjectId(Guid.CreateVersion7()),
        new ProjectDescription("T", "CCER-01-002-V01", new DateOnly(2020, 7, 8), new CreditingPeriod(new DateOnly(2021, 12, 16), 10))).State!;

    private static readonly ProjectRecord Project = new(State, "P000001", Owner, Validator, "Shandong", 1);

    private static readonly ReductionRecord Reduction = new(new ReductionState
    {
        Id = new ReductionId(Guid.CreateVersion7()),
        Project = State.Id,
        Owner = State.Owner,
        Phase = ReductionPhase.Monitoring,
        Period = new MonitoringPeriod(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)),
    }, Verifier, 1);

    [Theory]
    [InlineData(Role.ProjectOwner, Owner, DocumentKind.DesignDocument, true)]
    [InlineData(Role.ProjectOwner, Owner, DocumentKind.MonitoringReport, true)]
    [InlineData(Role.ProjectOwner, Owner, DocumentKind.Evidence, true)]
    [InlineData(Role.ProjectOwner, Owner, DocumentKind.ValidationReport, false)]
    [InlineData(Role.ProjectOwner, Owner, DocumentKind.VerificationReport, false)]
    [InlineData(Role.Vvb, Validator, DocumentKind.ValidationReport, true)]
    [InlineData(Role.Vvb, Validator, DocumentKind.VerificationReport, false)]
    [InlineData(Role.Vvb, Verifier, DocumentKind.VerificationReport, true)]
    [InlineData(Role.Vvb, Verifier, DocumentKind.ValidationReport, false)]
    [InlineData(Role.Vvb, Validator, DocumentKind.DesignDocument, false)]
    [InlineData(Role.ProjectOwner, Validator, DocumentKind.DesignDocument, false)]
    [InlineData(Role.Vvb, Owner, DocumentKind.DesignDocument, false)]
    [InlineData(Role.TradingParticipant, Owner, DocumentKind.Evidence, false)]
    [InlineData(Role.RegistryAdministrator, Owner, DocumentKind.DesignDocument, false)]
    public void who_uploads_which_kind(Role role, string subject, DocumentKind kind, bool allowed) =>
        Assert.Equal(allowed, DocumentRights.MayUpload(new Caller(role, subject), kind, Project, Reduction));

    [Theory]
    [InlineData(Role.ProjectOwner, Owner, true)]
    [InlineData(Role.Vvb, Validator, true)]
    [InlineData(Role.Vvb, Verifier, true)]
    [InlineData(Role.Vvb, "VVB-C", false)]
    [InlineData(Role.ProjectOwner, "OTHER", false)]
    [InlineData(Role.TradingParticipant, Owner, false)]
    [InlineData(Role.Regulator, "MEE", false)]
    public void only_the_owner_and_the_named_vvbs_upload_to_a_project(Role role, string subject, bool allowed) =>
        Assert.Equal(allowed, DocumentRights.MayUploadTo(new Caller(role, subject), Project, [Reduction]));

    [Theory]
    [InlineData(Role.RegistryAdministrator, "ADMIN", true)]
    [InlineData(Role.Regulator, "MEE", true)]
    [InlineData(Role.ProjectOwner, Owner, true)]
    [InlineData(Role.Vvb, Verifier, true)]
    [InlineData(Role.Vvb, "VVB-C", false)]
    [InlineData(Role.TradingParticipant, Owner, false)]
    [InlineData(Role.Public, null, false)]
    public void only_the_registry_the_regulator_the_owner_and_its_vvbs_see_undisclosed_documents(Role role, string? subject, bool allowed) =>
        Assert.Equal(allowed, DocumentRights.MaySeeUndisclosed(new Caller(role, subject), Project, [Reduction]));
}
