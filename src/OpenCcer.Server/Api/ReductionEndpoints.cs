using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using OpenCcer.Storage;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Api;

/// <summary>
/// The reduction lifecycle: monitoring period, report, public notice, verification by another VVB,
/// application, review, registration and issuance of units into the owner's registry account.
/// </summary>
public static class ReductionEndpoints
{
    public static IEndpointRouteBuilder MapReductionEndpoints(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1").WithTags("Reductions").AllowAnonymous();
        pub.MapGet("/reductions", List).WithSummary("Reductions, filterable by phase and by their project's methodology and province.");
        pub.MapGet("/projects/{id:guid}/reductions", OfProject).WithSummary("The reductions of a project.");
        pub.MapGet("/reductions/{id:guid}", Get).WithSummary("One reduction.");
        pub.MapPost("/reductions/{id:guid}/comments", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id) =>
            WithText(h, s, j, id, (r, p, o, a, d, text) => ReductionLifecycle.Comment(r.State, a, d, text)))
            .Accepts<TextRequest>("application/json").WithSummary("Comment during the public notice (anyone).");

        var api = app.MapGroup("/api/v1").WithTags("Reductions").RequireAuthorization(RegistryEndpoints.ReaderPolicy);
        api.MapPost("/projects/{id:guid}/reductions", Start).Accepts<MonitoringRequest>("application/json")
            .WithSummary("Open a monitoring period of a registered project (owner).");
        api.MapPost("/reductions/{id:guid}/report", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id) =>
            WithReport(h, s, j, id, (r, p, o, a, d, q, hash) => ReductionLifecycle.DraftReport(r.State, a, d, q, hash)))
            .Accepts<ReportRequest>("application/json").WithSummary("Draft the monitoring report claiming a quantity (owner).");
        api.MapPost("/reductions/{id:guid}/publish", Publish).Accepts<VvbRequest>("application/json")
            .WithSummary("Publish the report for 20 working days, naming a VVB other than the validating one (owner).");
        api.MapPost("/reductions/{id:guid}/comments/{number:int}/answer", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id, int number) =>
            WithText(h, s, j, id, (r, p, o, a, d, text) => ReductionLifecycle.Answer(r.State, a, d, number, text)))
            .Accepts<TextRequest>("application/json").WithSummary("Answer a comment (owner).");
        api.MapPost("/reductions/{id:guid}/verification/start", (HttpContext h, LifecycleService s, Guid id) =>
            Act(h, s, id, (r, p, o, a, d) => ReductionLifecycle.StartVerification(r.State, a, d))).WithSummary("Start verification (the named VVB).");
        api.MapPost("/reductions/{id:guid}/verification/report", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id) =>
            WithReport(h, s, j, id, (r, p, o, a, d, q, hash) => ReductionLifecycle.SubmitVerificationReport(r.State, a, d, q, hash)))
            .Accepts<ReportRequest>("application/json").WithSummary("Submit the verification report fixing the quantity (VVB).");
        api.MapPost("/reductions/{id:guid}/apply", Apply).Accepts<QuantityRequest>("application/json")
            .WithSummary("Apply for registration of exactly the verified quantity (owner).");
        api.MapPost("/reductions/{id:guid}/review/start", (HttpContext h, LifecycleService s, Guid id) =>
            Act(h, s, id, (r, p, o, a, d) => ReductionLifecycle.AcceptForReview(r.State, a, d))).WithSummary("Start the registry review (administrator).");
        api.MapPost("/reductions/{id:guid}/register", (HttpContext h, LifecycleService s, Guid id) =>
            Act(h, s, id, (r, p, o, a, d) => ReductionLifecycle.Register(r.State, a, d))).WithSummary("Register the reduction (administrator).");
        api.MapPost("/reductions/{id:guid}/reject", (HttpContext h, LifecycleService s, JsonSerializerOptions j, Guid id) =>
            WithText(h, s, j, id, (r, p, o, a, d, text) => ReductionLifecycle.Reject(r.State, a, d, text)))
            .Accepts<TextRequest>("application/json").WithSummary("Reject with a reason (administrator).");
        api.MapPost("/reductions/{id:guid}/issue", (HttpContext h, LifecycleService s, Guid id) =>
            Act(h, s, id, (r, p, o, a, d) => ReductionLifecycle.Issue(r.State, a, d)))
            .WithSummary("Issue the registered quantity as units into the owner's registry account, one issuance per vintage (administrator).");
        return app;
    }

    private delegate Decision<ReductionState> Decide(ReductionRecord record, ProjectRecord project, IReadOnlyList<ReductionState> others,
        Actor actor, DateOnly date);

    private static async Task<IResult> Act(HttpContext http, LifecycleService service, Guid id, Decide decide, string? vvb = null)
    {
        var actor = Caller.Of(http.User).Actor();
        var today = service.Today();
        var outcome = await service.ActAsync(new ReductionId(id), (r, p, o) => decide(r, p, o, actor, today), vvb, http.RequestAborted);
        return LifecycleProblems.Respond(outcome, r => LifecycleViews.Reduction(r, today));
    }

    private static async Task<IResult> WithText(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id,
        Func<ReductionRecord, ProjectRecord, IReadOnlyList<ReductionState>, Actor, DateOnly, string, Decision<ReductionState>> decide)
    {
        var (body, problem) = await RequestReader.ReadAsync<TextRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var text = r.Required("text", body!.Text);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Act(http, service, id, (record, p, o, a, d) => decide(record, p, o, a, d, text));
    }

    private static async Task<IResult> WithReport(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id,
        Func<ReductionRecord, ProjectRecord, IReadOnlyList<ReductionState>, Actor, DateOnly, Tonnes, string, Decision<ReductionState>> decide)
    {
        var (body, problem) = await RequestReader.ReadAsync<ReportRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var quantity = r.Quantity("quantity_tonnes", body!.QuantityTonnes);
        var hash = r.Required("report_sha256", body.ReportSha256);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Act(http, service, id, (record, p, o, a, d) => decide(record, p, o, a, d, new Tonnes(quantity), hash));
    }

    private static async Task<IResult> List(LedgerStore store, LifecycleService service, string? phase, string? methodology, string? province,
        int? limit, int? offset, CancellationToken ct)
    {
        var today = service.Today();
        return TypedResults.Ok((await store.ReductionsAsync(phase, limit ?? 100, offset ?? 0, ct, methodology, province))
            .Select(r => LifecycleViews.Reduction(r, today)));
    }

    private static async Task<IResult> OfProject(LedgerStore store, LifecycleService service, Guid id, CancellationToken ct)
    {
        var today = service.Today();
        return await store.ProjectAsync(new ProjectId(id), ct) is null
            ? Problems.NotFound($"No project {id}.")
            : TypedResults.Ok((await store.ReductionsOfProjectAsync(new ProjectId(id), ct)).Select(r => LifecycleViews.Reduction(r, today)));
    }

    private static async Task<IResult> Get(LedgerStore store, LifecycleService service, Guid id, CancellationToken ct) =>
        await store.ReductionAsync(new ReductionId(id), ct) is { } r
            ? TypedResults.Ok(LifecycleViews.Reduction(r, service.Today()))
            : Problems.NotFound($"No reduction {id}.");

    private static async Task<IResult> Start(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<MonitoringRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var first = r.Date("period_first", body!.PeriodFirst);
        var last = r.Date("period_last", body.PeriodLast);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var today = service.Today();
        var outcome = await service.StartMonitoringAsync(new ProjectId(id), Caller.Of(http.User).Actor(), new MonitoringPeriod(first, last), http.RequestAborted);
        return LifecycleProblems.Respond(outcome, x => LifecycleViews.Reduction(x, today));
    }

    private static async Task<IResult> Publish(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<VvbRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var vvb = r.Text("vvb_subject_id", body!.VvbSubjectId, 64);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Act(http, service, id,
            (record, project, _, actor, date) => ReductionLifecycle.Publish(record.State, project.State, actor, date, Organisations.IdOf(vvb), service.Calendar), vvb);
    }

    private static async Task<IResult> Apply(HttpContext http, LifecycleService service, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<QuantityRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var quantity = r.Quantity("quantity_tonnes", body!.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Act(http, service, id, (record, project, others, actor, date) =>
            ReductionLifecycle.Apply(record.State, project.State, actor, date, new Tonnes(quantity), others, ReductionRules.Default, service.Calendar));
    }
}
