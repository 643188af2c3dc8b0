using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Lifecycle;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Api;

/// <summary>
/// The reduction lifecycle, each step one call of <see cref="ReductionHandlers"/>: monitoring period, report,
/// public notice, verification by another VVB, application, review, registration and issuance of units into
/// the owner's registry account.
/// </summary>
public static class ReductionEndpoints
{
    public static IEndpointRouteBuilder MapReductionEndpoints(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1").WithTags("Reductions").AllowAnonymous();
        pub.MapGet("/reductions", List).WithSummary("Reductions, filterable by phase and by their project's methodology and province.");
        pub.MapGet("/projects/{id:guid}/reductions", OfProject).WithSummary("The reductions of a project.");
        pub.MapGet("/reductions/{id:guid}", Get).WithSummary("One reduction.");
        pub.MapPost("/reductions/{id:guid}/comments", (HttpContext h, ReductionHandlers r, JsonSerializerOptions j, Guid id) =>
            With<TextRequest>(h, r, j, (c, b, ct) => r.CommentAsync(c, id, b, ct)))
            .Accepts<TextRequest>("application/json").WithSummary("Comment during the public notice (anyone).");

        var api = app.MapGroup("/api/v1").WithTags("Reductions").RequireAuthorization(RegistryEndpoints.ReaderPolicy);
        api.MapPost("/projects/{id:guid}/reductions", (HttpContext h, ReductionHandlers r, JsonSerializerOptions j, Guid id) =>
            With<MonitoringRequest>(h, r, j, (c, b, ct) => r.StartMonitoringAsync(c, id, b, ct))).Accepts<MonitoringRequest>("application/json")
            .WithSummary("Open a monitoring period of a registered project (owner).");
        api.MapPost("/reductions/{id:guid}/report", (HttpContext h, ReductionHandlers r, JsonSerializerOptions j, Guid id) =>
            With<ReportRequest>(h, r, j, (c, b, ct) => r.DraftReportAsync(c, id, b, ct)))
            .Accepts<ReportRequest>("application/json").WithSummary("Draft the monitoring report claiming a quantity (owner).");
        api.MapPost("/reductions/{id:guid}/publish", (HttpContext h, ReductionHandlers r, JsonSerializerOptions j, Guid id) =>
            With<VvbRequest>(h, r, j, (c, b, ct) => r.PublishAsync(c, id, b, ct))).Accepts<VvbRequest>("application/json")
            .WithSummary("Publish the report for 20 working days, naming a VVB other than the validating one (owner).");
        api.MapPost("/reductions/{id:guid}/comments/{number:int}/answer", (HttpContext h, ReductionHandlers r, JsonSerializerOptions j, Guid id, int number) =>
            With<TextRequest>(h, r, j, (c, b, ct) => r.AnswerAsync(c, id, number, b, ct)))
            .Accepts<TextRequest>("application/json").WithSummary("Answer a comment (owner).");
        api.MapPost("/reductions/{id:guid}/verification/start", (HttpContext h, ReductionHandlers r, Guid id) =>
            Step(h, r, (c, ct) => r.StartVerificationAsync(c, id, ct))).WithSummary("Start verification (the named VVB).");
        api.MapPost("/reductions/{id:guid}/verification/report", (HttpContext h, ReductionHandlers r, JsonSerializerOptions j, Guid id) =>
            With<ReportRequest>(h, r, j, (c, b, ct) => r.SubmitVerificationReportAsync(c, id, b, ct)))
            .Accepts<ReportRequest>("application/json").WithSummary("Submit the verification report fixing the quantity (VVB).");
        api.MapPost("/reductions/{id:guid}/apply", (HttpContext h, ReductionHandlers r, JsonSerializerOptions j, Guid id) =>
            With<QuantityRequest>(h, r, j, (c, b, ct) => r.ApplyAsync(c, id, b, ct))).Accepts<QuantityRequest>("application/json")
            .WithSummary("Apply for registration of exactly the verified quantity (owner).");
        api.MapPost("/reductions/{id:guid}/review/start", (HttpContext h, ReductionHandlers r, Guid id) =>
            Step(h, r, (c, ct) => r.StartReviewAsync(c, id, ct))).WithSummary("Start the registry review (administrator).");
        api.MapPost("/reductions/{id:guid}/register", (HttpContext h, ReductionHandlers r, Guid id) =>
            Step(h, r, (c, ct) => r.RegisterAsync(c, id, ct))).WithSummary("Register the reduction (administrator).");
        api.MapPost("/reductions/{id:guid}/reject", (HttpContext h, ReductionHandlers r, JsonSerializerOptions j, Guid id) =>
            With<TextRequest>(h, r, j, (c, b, ct) => r.RejectAsync(c, id, b, ct)))
            .Accepts<TextRequest>("application/json").WithSummary("Reject with a reason (administrator).");
        api.MapPost("/reductions/{id:guid}/issue", (HttpContext h, ReductionHandlers r, Guid id) =>
            Step(h, r, (c, ct) => r.IssueAsync(c, id, ct)))
            .WithSummary("Issue the registered quantity as units into the owner's registry account, one issuance per vintage (administrator).");
        return app;
    }

    /// <summary>A step without a body: the caller to the handler, its outcome to the reduction's view or a problem.</summary>
    private static async Task<IResult> Step(HttpContext http, ReductionHandlers handlers,
        Func<Caller, CancellationToken, Task<Outcome<ReductionRecord>>> handle)
    {
        var today = handlers.Today();
        return (await handle(Caller.Of(http.User), http.RequestAborted)).ToResult(r => TypedResults.Ok(LifecycleViews.Reduction(r, today)));
    }

    /// <summary>A step with a JSON body: the body and the caller to the handler.</summary>
    private static async Task<IResult> With<T>(HttpContext http, ReductionHandlers handlers, JsonSerializerOptions json,
        Func<Caller, T, CancellationToken, Task<Outcome<ReductionRecord>>> handle) where T : class
    {
        var (body, problem) = await RequestReader.ReadAsync<T>(http, json);
        if (problem is not null) return problem;
        return await Step(http, handlers, (caller, ct) => handle(caller, body!, ct));
    }

    private static async Task<IResult> List(LedgerStore store, ReductionHandlers handlers, string? phase, string? methodology, string? province,
        int? limit, int? offset, CancellationToken ct)
    {
        var today = handlers.Today();
        return TypedResults.Ok((await store.Lifecycle.ReductionsAsync(phase, limit ?? 100, offset ?? 0, ct, methodology, province))
            .Select(r => LifecycleViews.Reduction(r, today)));
    }

    private static async Task<IResult> OfProject(LedgerStore store, ReductionHandlers handlers, Guid id, CancellationToken ct)
    {
        var today = handlers.Today();
        return await store.Lifecycle.ProjectAsync(new ProjectId(id), ct) is null
            ? Problems.NotFound($"No project {id}.")
            : TypedResults.Ok((await store.Lifecycle.ReductionsOfProjectAsync(new ProjectId(id), ct)).Select(r => LifecycleViews.Reduction(r, today)));
    }

    private static async Task<IResult> Get(LedgerStore store, ReductionHandlers handlers, Guid id, CancellationToken ct) =>
        await store.Lifecycle.ReductionAsync(new ReductionId(id), ct) is { } r
            ? TypedResults.Ok(LifecycleViews.Reduction(r, handlers.Today()))
            : Problems.NotFound($"No reduction {id}.");
}
