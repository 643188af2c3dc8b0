using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Api;

/// <summary>
/// The project lifecycle under <c>/api/v1/projects</c>: who may do what is decided by the lifecycle
/// (wrong role or organisation → 403, out of order → 409); anyone may read and comment during a notice.
/// </summary>
public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/projects").WithTags("Projects").AllowAnonymous();
        pub.MapGet("", List).WithSummary("Projects, filterable by methodology, province and phase.");
        pub.MapGet("/{id:guid}", Get).WithSummary("One project with its notice, comments, validation and review dates.");
        pub.MapGet("/{id:guid}/timeline", Timeline).WithSummary("Every lifecycle event of the project and its reductions, hash-chained.");
        pub.MapPost("/{id:guid}/comments", Comment).Accepts<TextRequest>("application/json").WithSummary("Comment during the public notice (anyone).");

        var api = app.MapGroup("/api/v1/projects").WithTags("Projects").RequireAuthorization(RegistryEndpoints.ReaderPolicy);
        api.MapPost("", Draft).Accepts<DraftProjectRequest>("application/json").WithSummary("Draft a project (project owner).");
        api.MapPost("/{id:guid}/publish", Publish).Accepts<VvbRequest>("application/json")
            .WithSummary("Publish the design document for 20 working days, naming the validating VVB (owner).");
        api.MapPost("/{id:guid}/comments/{number:int}/answer", Answer).Accepts<TextRequest>("application/json").WithSummary("Answer a comment (owner).");
        api.MapPost("/{id:guid}/withdraw", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id) =>
            WithText(h, s, j, id, (r, a, d, text) => ProjectLifecycle.Withdraw(r.State, a, d, text))).Accepts<TextRequest>("application/json")
            .WithSummary("Withdraw during the notice (owner).");
        api.MapPost("/{id:guid}/end-notice", (HttpContext h, LifecycleService s, Guid id) =>
            Act(h, s, id, (r, a, d, _) => ProjectLifecycle.EndNotice(r.State, a, d))).WithSummary("Close a notice whose 20 working days are over.");
        api.MapPost("/{id:guid}/validation/start", (HttpContext h, LifecycleService s, Guid id) =>
            Act(h, s, id, (r, a, d, _) => ProjectLifecycle.StartValidation(r.State, a, d))).WithSummary("Start validation (the named VVB).");
        api.MapPost("/{id:guid}/validation/corrective-actions", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id) =>
            WithText(h, s, j, id, (r, a, d, text) => ProjectLifecycle.RaiseCorrectiveAction(r.State, a, d, text))).Accepts<TextRequest>("application/json")
            .WithSummary("Raise a corrective-action request (VVB).");
        api.MapPost("/{id:guid}/validation/corrective-actions/{number:int}/close", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id, int number) =>
            WithText(h, s, j, id, (r, a, d, text) => ProjectLifecycle.CloseCorrectiveAction(r.State, a, d, number, text))).Accepts<TextRequest>("application/json")
            .WithSummary("Close a corrective-action request (VVB).");
        api.MapPost("/{id:guid}/validation/report", Report).Accepts<ValidationReportRequest>("application/json").WithSummary("Submit the validation report (VVB).");
        api.MapPost("/{id:guid}/apply", Apply).Accepts<ProjectApplyRequest>("application/json")
            .WithSummary("Apply for registration with the uniqueness commitment (owner).");
        api.MapPost("/{id:guid}/review/start", (HttpContext h, LifecycleService s, Guid id) =>
            Act(h, s, id, (r, a, d, _) => ProjectLifecycle.AcceptForReview(r.State, a, d))).WithSummary("Start the registry review (administrator).");
        api.MapPost("/{id:guid}/register", (HttpContext h, LifecycleService s, Guid id) =>
            Act(h, s, id, (r, a, d, _) => ProjectLifecycle.Register(r.State, a, d))).WithSummary("Register the project (administrator).");
        api.MapPost("/{id:guid}/reject", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id) =>
            WithText(h, s, j, id, (r, a, d, text) => ProjectLifecycle.Reject(r.State, a, d, text))).Accepts<TextRequest>("application/json")
            .WithSummary("Reject the application with a reason (administrator).");
        api.MapPost("/{id:guid}/deregister", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id) =>
            WithText(h, s, j, id, (r, a, d, text) => ProjectLifecycle.Deregister(r.State, a, d, text))).Accepts<TextRequest>("application/json")
            .WithSummary("Deregister a registered project (owner or administrator; terminal).");
        api.MapPost("/{id:guid}/revoke", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id) =>
            WithText(h, s, j, id, (r, a, d, text) => ProjectLifecycle.Revoke(r.State, a, d, text))).Accepts<TextRequest>("application/json")
            .WithSummary("Revoke for fraud: the owner may not apply for 3 years (administrator).");
        return app;
    }

    private delegate Decision<ProjectState> Decide(ProjectRecord record, Actor actor, DateOnly date, ApplicationContext? context);

    private static async Task<IResult> Act(HttpContext http, LifecycleService service, Guid id, Decide decide, string? vvb = null, bool needsContext = false)
    {
        var actor = Caller.Of(http.User).Actor();
        var today = service.Today();
        var outcome = await service.ActAsync(new ProjectId(id), (r, context) => decide(r, actor, today, context), vvb, needsContext, http.RequestAborted);
        return LifecycleProblems.Respond(outcome, r => LifecycleViews.Project(r, today));
    }

    private static async Task<IResult> WithText(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id,
        Func<ProjectRecord, Actor, DateOnly, string, Decision<ProjectState>> decide)
    {
        var (body, problem) = await RequestReader.ReadAsync<TextRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var text = r.Required("text", body!.Text);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Act(http, service, id, (record, actor, date, _) => decide(record, actor, date, text));
    }

    private static async Task<IResult> List(LedgerStore store, LifecycleService service, string? methodology, string? province, string? phase,
        int? limit, int? offset, CancellationToken ct)
    {
        var today = service.Today();
        return TypedResults.Ok((await store.ProjectsAsync(methodology, province, phase, limit ?? 100, offset ?? 0, ct)).Select(r => LifecycleViews.Project(r, today)));
    }

    private static async Task<IResult> Get(LedgerStore store, LifecycleService service, Guid id, CancellationToken ct) =>
        await store.ProjectAsync(new ProjectId(id), ct) is { } r
            ? TypedResults.Ok(LifecycleViews.Project(r, service.Today()))
            : Problems.NotFound($"No project {id}.");

    private static async Task<IResult> Timeline(LedgerStore store, Guid id, CancellationToken ct) =>
        await store.ProjectAsync(new ProjectId(id), ct) is null
            ? Problems.NotFound($"No project {id}.")
            : TypedResults.Ok((await store.TimelineAsync(new ProjectId(id), ct)).Select(LifecycleViews.Event));

    private static Task<IResult> Comment(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id) =>
        WithText(http, service, json, id, (r, a, d, text) => ProjectLifecycle.Comment(r.State, a, d, text));

    private static Task<IResult> Answer(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id, int number) =>
        WithText(http, service, json, id, (r, a, d, text) => ProjectLifecycle.Answer(r.State, a, d, number, text));

    private static async Task<IResult> Draft(HttpContext http, LifecycleService service, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<DraftProjectRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var title = r.Required("title", body!.Title);
        var methodology = r.Text("methodology_code", body.MethodologyCode, 32);
        var province = r.Text("province", body.Province, 50);
        var construction = r.Date("construction_start", body.ConstructionStart);
        var creditingStart = r.Date("crediting_start", body.CreditingStart);
        var years = r.Required("crediting_years", body.CreditingYears);
        if (body.CreditingYears is < 1 or > 60) r.Fail("crediting_years", "Between 1 and 60.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        var caller = Caller.Of(http.User);
        if (caller.SubjectId is null) return Problems.Forbidden("Only a project owner drafts projects.");
        var today = service.Today();
        var outcome = await service.DraftAsync(caller.Actor(), caller.SubjectId,
            new ProjectDescription(title, methodology, construction, new CreditingPeriod(creditingStart, years)), province, ct: http.RequestAborted);
        return LifecycleProblems.Respond(outcome, p => LifecycleViews.Project(p, today));
    }

    private static async Task<IResult> Publish(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<VvbRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var vvb = r.Text("vvb_subject_id", body!.VvbSubjectId, 64);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Act(http, service, id,
            (record, actor, date, _) => ProjectLifecycle.Publish(record.State, actor, date, Organisations.IdOf(vvb), service.Calendar), vvb);
    }

    private static async Task<IResult> Report(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<ValidationReportRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var conclusion = r.Enum<ValidationConclusion>("conclusion", body!.Conclusion);
        var hash = r.Required("document_sha256", body.DocumentSha256);
        var summary = r.Required("summary", body.Summary);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Act(http, service, id,
            (record, actor, date, _) => ProjectLifecycle.SubmitValidationReport(record.State, actor, date, new ValidationReport(conclusion, hash, summary)));
    }

    private static async Task<IResult> Apply(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<ProjectApplyRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var signed = r.Required("uniqueness_commitment_signed", body!.UniquenessCommitmentSigned);
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
            var externalId = r.Text($"external_registrations[{i}].id", e.Id, 100);
            external.Add(new ExternalRegistration(new ExternalId(mechanism, externalId), e.Active ?? true));
        }
        if (external.Count > 20) r.Fail("external_registrations", "At most 20.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        var application = new ProjectApplication(signed, [.. external], ets, obligation, gec);
        return await Act(http, service, id,
            (record, actor, date, context) => ProjectLifecycle.Apply(record.State, actor, date, application, context!, service.Calendar), needsContext: true);
    }
}
