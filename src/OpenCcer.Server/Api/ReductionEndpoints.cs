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
        new LifecycleSteps<ReductionHandlers, ReductionRecord>(pub, r => r.Today(), LifecycleViews.Reduction)
            .Post<TextRequest>("/reductions/{id:guid}/comments", (r, c, id, b, ct) => r.CommentAsync(c, id, b, ct))
            .WithSummary("Comment during the public notice (anyone).");

        var api = app.MapGroup("/api/v1").WithTags("Reductions").RequireAuthorization(RegistryEndpoints.ReaderPolicy);
        var steps = new LifecycleSteps<ReductionHandlers, ReductionRecord>(api, r => r.Today(), LifecycleViews.Reduction);
        steps.Post<MonitoringRequest>("/projects/{id:guid}/reductions", (r, c, id, b, ct) => r.StartMonitoringAsync(c, id, b, ct))
            .WithSummary("Open a monitoring period of a registered project (owner).");
        steps.Post<ReportRequest>("/reductions/{id:guid}/report", (r, c, id, b, ct) => r.DraftReportAsync(c, id, b, ct))
            .WithSummary("Draft the monitoring report claiming a quantity (owner).");
        steps.Post<VvbRequest>("/reductions/{id:guid}/publish", (r, c, id, b, ct) => r.PublishAsync(c, id, b, ct))
            .WithSummary("Publish the report for 20 working days, naming a VVB other than the validating one (owner).");
        steps.Post<TextRequest>("/reductions/{id:guid}/comments/{number:int}/answer", (r, c, id, n, b, ct) => r.AnswerAsync(c, id, n, b, ct))
            .WithSummary("Answer a comment (owner).");
        steps.Post("/reductions/{id:guid}/verification/start", (r, c, id, ct) => r.StartVerificationAsync(c, id, ct))
            .WithSummary("Start verification (the named VVB).");
        steps.Post<ReportRequest>("/reductions/{id:guid}/verification/report", (r, c, id, b, ct) => r.SubmitVerificationReportAsync(c, id, b, ct))
            .WithSummary("Submit the verification report fixing the quantity (VVB).");
        steps.Post<QuantityRequest>("/reductions/{id:guid}/apply", (r, c, id, b, ct) => r.ApplyAsync(c, id, b, ct))
            .WithSummary("Apply for registration of exactly the verified quantity (owner).");
        steps.Post("/reductions/{id:guid}/review/start", (r, c, id, ct) => r.StartReviewAsync(c, id, ct))
            .WithSummary("Start the registry review (administrator).");
        steps.Post("/reductions/{id:guid}/register", (r, c, id, ct) => r.RegisterAsync(c, id, ct)).WithSummary("Register the reduction (administrator).");
        steps.Post<TextRequest>("/reductions/{id:guid}/reject", (r, c, id, b, ct) => r.RejectAsync(c, id, b, ct))
            .WithSummary("Reject with a reason (administrator).");
        steps.Post("/reductions/{id:guid}/issue", (r, c, id, ct) => r.IssueAsync(c, id, ct))
            .WithSummary("Issue the registered quantity as units into the owner's registry account, one issuance per vintage (administrator).");
        return app;
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
