using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Application.Lifecycle;

/// <summary>
/// The project lifecycle's use cases, one method each, for the API and the portal alike: check the fields,
/// then let the lifecycle decide who may take the step (wrong role or organisation → forbidden, out of order →
/// conflict) and store it. Anyone may comment during a notice.
/// </summary>
public sealed class ProjectHandlers(LifecycleService lifecycle)
{
    /// <summary>Crediting periods the registry accepts, in years.</summary>
    public const int CreditingYearsMin = 1;
    public const int CreditingYearsMax = 60;

    public const int MethodologyCodeLengthMax = 32;
    public const int ProvinceLengthMax = 50;
    public const int SubjectIdLengthMax = 64;
    public const int ExternalIdLengthMax = 100;
    public const int ExternalRegistrationsMax = 20;

    private delegate Decision<ProjectState> Decide(ProjectRecord record, Actor actor, DateOnly date, ApplicationContext? context);

    /// <summary>Today's business date in China, for the views of what a handler returns.</summary>
    public DateOnly Today() => lifecycle.Today();

    /// <summary>Drafts a project owned by the caller's subject.</summary>
    public async Task<Outcome<ProjectRecord>> DraftAsync(Caller caller, DraftProjectRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var title = r.Required("title", body.Title);
        var methodology = r.Text("methodology_code", body.MethodologyCode, MethodologyCodeLengthMax);
        var province = r.Text("province", body.Province, ProvinceLengthMax);
        var construction = r.Date("construction_start", body.ConstructionStart);
        var creditingStart = r.Date("crediting_start", body.CreditingStart);
        var years = r.Required("crediting_years", body.CreditingYears);
        if (body.CreditingYears is < CreditingYearsMin or > CreditingYearsMax) r.Fail("crediting_years", $"Between {CreditingYearsMin} and {CreditingYearsMax}.");
        if (r.HasErrors) return r.Refusal();
        if (caller.SubjectId is null) return Refusals.Forbidden("Only a project owner drafts projects.");
        var description = new ProjectDescription(title, methodology, construction, new CreditingPeriod(creditingStart, years));
        return (await lifecycle.DraftAsync(caller.Actor(), caller.SubjectId, description, province, ct: ct)).ToOutcome();
    }

    /// <summary>Publishes the design document for its notice, naming the validating VVB (owner).</summary>
    public Task<Outcome<ProjectRecord>> PublishAsync(Caller caller, Guid id, VvbRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var vvb = r.Text("vvb_subject_id", body.VvbSubjectId, SubjectIdLengthMax);
        if (r.HasErrors) return Refused(r);
        return ActAsync(caller, id, (record, actor, date, _) => ProjectLifecycle.Publish(record.State, actor, date, Organisations.IdOf(vvb), lifecycle.Calendar),
            ct, vvb);
    }

    public Task<Outcome<ProjectRecord>> CommentAsync(Caller caller, Guid id, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, (s, a, d, text) => ProjectLifecycle.Comment(s, a, d, text), ct);

    public Task<Outcome<ProjectRecord>> AnswerAsync(Caller caller, Guid id, int number, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, (s, a, d, text) => ProjectLifecycle.Answer(s, a, d, number, text), ct);

    public Task<Outcome<ProjectRecord>> WithdrawAsync(Caller caller, Guid id, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, ProjectLifecycle.Withdraw, ct);

    public Task<Outcome<ProjectRecord>> EndNoticeAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        StepAsync(caller, id, ProjectLifecycle.EndNotice, ct);

    public Task<Outcome<ProjectRecord>> StartValidationAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        StepAsync(caller, id, ProjectLifecycle.StartValidation, ct);

    public Task<Outcome<ProjectRecord>> RaiseCorrectiveActionAsync(Caller caller, Guid id, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, ProjectLifecycle.RaiseCorrectiveAction, ct);

    public Task<Outcome<ProjectRecord>> CloseCorrectiveActionAsync(Caller caller, Guid id, int number, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, (s, a, d, text) => ProjectLifecycle.CloseCorrectiveAction(s, a, d, number, text), ct);

    /// <summary>Submits the validation report (the named VVB).</summary>
    public Task<Outcome<ProjectRecord>> SubmitValidationReportAsync(Caller caller, Guid id, ValidationReportRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var conclusion = r.Enum<ValidationConclusion>("conclusion", body.Conclusion);
        var hash = r.Required("document_sha256", body.DocumentSha256);
        var summary = r.Required("summary", body.Summary);
        if (r.HasErrors) return Refused(r);
        var report = new ValidationReport(conclusion, hash, summary);
        return ActAsync(caller, id, (record, actor, date, _) => ProjectLifecycle.SubmitValidationReport(record.State, actor, date, report), ct);
    }

    /// <summary>
    /// Applies for registration (owner). Whether the uniqueness commitment is signed is the lifecycle's rule
    /// (<see cref="LifecycleStatus.UniquenessCommitmentMissing"/>), checked here for every door alike.
    /// </summary>
    public Task<Outcome<ProjectRecord>> ApplyAsync(Caller caller, Guid id, ProjectApplyRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var signed = r.Required("uniqueness_commitment_signed", body.UniquenessCommitmentSigned);
        var ets = r.Required("under_ets_allowance_management", body.UnderEtsAllowanceManagement);
        var obligation = r.Required("has_legal_reduction_obligation", body.HasLegalReductionObligation);
        var gec = r.Required("green_certificates_elected", body.GreenCertificatesElected);
        var external = new List<ExternalRegistration>();
        foreach (var (e, i) in (body.ExternalRegistrations ?? []).Select((e, i) => (e, i)))
        {
            if (e is null)
            {
                r.Fail($"external_registrations[{i}]", "Must be an object with mechanism and id.");
                continue;
            }
            var mechanism = r.Enum<ExternalMechanism>($"external_registrations[{i}].mechanism", e.Mechanism);
            var externalId = r.Text($"external_registrations[{i}].id", e.Id, ExternalIdLengthMax);
            external.Add(new ExternalRegistration(new ExternalId(mechanism, externalId), e.Active ?? true));
        }
        if (external.Count > ExternalRegistrationsMax) r.Fail("external_registrations", $"At most {ExternalRegistrationsMax}.");
        if (r.HasErrors) return Refused(r);
        var application = new ProjectApplication(signed, [.. external], ets, obligation, gec);
        return ActAsync(caller, id,
            (record, actor, date, context) => ProjectLifecycle.Apply(record.State, actor, date, application, context!, lifecycle.Calendar), ct, needsContext: true);
    }

    public Task<Outcome<ProjectRecord>> StartReviewAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        StepAsync(caller, id, ProjectLifecycle.AcceptForReview, ct);

    public Task<Outcome<ProjectRecord>> RegisterAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        StepAsync(caller, id, ProjectLifecycle.Register, ct);

    public Task<Outcome<ProjectRecord>> RejectAsync(Caller caller, Guid id, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, ProjectLifecycle.Reject, ct);

    public Task<Outcome<ProjectRecord>> DeregisterAsync(Caller caller, Guid id, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, ProjectLifecycle.Deregister, ct);

    public Task<Outcome<ProjectRecord>> RevokeAsync(Caller caller, Guid id, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, ProjectLifecycle.Revoke, ct);

    private static Task<Outcome<ProjectRecord>> Refused(Fields fields) => LifecycleSteps.Refused<ProjectRecord>(fields);

    /// <summary>A step that takes one required text (comment, answer, reason).</summary>
    private Task<Outcome<ProjectRecord>> WithTextAsync(Caller caller, Guid id, TextRequest body,
        Func<ProjectState, Actor, DateOnly, string, Decision<ProjectState>> decide, CancellationToken ct) =>
        LifecycleSteps.WithTextAsync(body, text => ActAsync(caller, id, (record, actor, date, _) => decide(record.State, actor, date, text), ct));

    /// <summary>A step that decides on the project's state alone.</summary>
    private Task<Outcome<ProjectRecord>> StepAsync(Caller caller, Guid id, Func<ProjectState, Actor, DateOnly, Decision<ProjectState>> decide,
        CancellationToken ct) =>
        ActAsync(caller, id, (record, actor, date, _) => decide(record.State, actor, date), ct);

    private async Task<Outcome<ProjectRecord>> ActAsync(Caller caller, Guid id, Decide decide, CancellationToken ct, string? vvb = null,
        bool needsContext = false)
    {
        var actor = caller.Actor();
        var today = lifecycle.Today();
        var outcome = await lifecycle.ActAsync(new ProjectId(id), (r, context) => decide(r, actor, today, context), vvb, needsContext, ct);
        return outcome.ToOutcome();
    }
}
