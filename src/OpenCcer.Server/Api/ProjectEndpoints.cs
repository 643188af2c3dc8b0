using OpenCcer.Application;
using OpenCcer.Application.Lifecycle;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Api;

/// <summary>
/// The project lifecycle under <c>/api/v1/projects</c>, each step one call of <see cref="ProjectHandlers"/>
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
        new LifecycleSteps<ProjectHandlers, ProjectRecord>(pub, p => p.Today(), LifecycleViews.Project)
            .Post<TextRequest>("/{id:guid}/comments", (p, c, id, b, ct) => p.CommentAsync(c, id, b, ct))
            .WithSummary("Comment during the public notice (anyone).");

        var api = app.MapGroup("/api/v1/projects").WithTags("Projects").RequireAuthorization(RegistryEndpoints.ReaderPolicy);
        var steps = new LifecycleSteps<ProjectHandlers, ProjectRecord>(api, p => p.Today(), LifecycleViews.Project);
        steps.Post<DraftProjectRequest>("", (p, c, b, ct) => p.DraftAsync(c, b, ct)).WithSummary("Draft a project (project owner).");
        steps.Post<VvbRequest>("/{id:guid}/publish", (p, c, id, b, ct) => p.PublishAsync(c, id, b, ct))
            .WithSummary("Publish the design document for 20 working days, naming the validating VVB (owner).");
        steps.Post<TextRequest>("/{id:guid}/comments/{number:int}/answer", (p, c, id, n, b, ct) => p.AnswerAsync(c, id, n, b, ct))
            .WithSummary("Answer a comment (owner).");
        steps.Post<TextRequest>("/{id:guid}/withdraw", (p, c, id, b, ct) => p.WithdrawAsync(c, id, b, ct))
            .WithSummary("Withdraw during the notice (owner).");
        steps.Post("/{id:guid}/end-notice", (p, c, id, ct) => p.EndNoticeAsync(c, id, ct)).WithSummary("Close a notice whose 20 working days are over.");
        steps.Post("/{id:guid}/validation/start", (p, c, id, ct) => p.StartValidationAsync(c, id, ct)).WithSummary("Start validation (the named VVB).");
        steps.Post<TextRequest>("/{id:guid}/validation/corrective-actions", (p, c, id, b, ct) => p.RaiseCorrectiveActionAsync(c, id, b, ct))
            .WithSummary("Raise a corrective-action request (VVB).");
        steps.Post<TextRequest>("/{id:guid}/validation/corrective-actions/{number:int}/close",
                (p, c, id, n, b, ct) => p.CloseCorrectiveActionAsync(c, id, n, b, ct))
            .WithSummary("Close a corrective-action request (VVB).");
        steps.Post<ValidationReportRequest>("/{id:guid}/validation/report", (p, c, id, b, ct) => p.SubmitValidationReportAsync(c, id, b, ct))
            .WithSummary("Submit the validation report (VVB).");
        steps.Post<ProjectApplyRequest>("/{id:guid}/apply", (p, c, id, b, ct) => p.ApplyAsync(c, id, b, ct))
            .WithSummary("Apply for registration with the uniqueness commitment (owner).");
        steps.Post("/{id:guid}/review/start", (p, c, id, ct) => p.StartReviewAsync(c, id, ct)).WithSummary("Start the registry review (administrator).");
        steps.Post("/{id:guid}/register", (p, c, id, ct) => p.RegisterAsync(c, id, ct)).WithSummary("Register the project (administrator).");
        steps.Post<TextRequest>("/{id:guid}/reject", (p, c, id, b, ct) => p.RejectAsync(c, id, b, ct))
            .WithSummary("Reject the application with a reason (administrator).");
        steps.Post<TextRequest>("/{id:guid}/deregister", (p, c, id, b, ct) => p.DeregisterAsync(c, id, b, ct))
            .WithSummary("Deregister a registered project (owner or administrator; terminal).");
        steps.Post<TextRequest>("/{id:guid}/revoke", (p, c, id, b, ct) => p.RevokeAsync(c, id, b, ct))
            .WithSummary("Revoke for fraud: the owner may not apply for 3 years (administrator).");
        return app;
    }

    private static async Task<IResult> List(LedgerStore store, ProjectHandlers handlers, string? methodology, string? province, string? phase,
        int? limit, int? offset, CancellationToken ct)
    {
        var today = handlers.Today();
        return TypedResults.Ok((await store.Lifecycle.ProjectsAsync(methodology, province, phase, limit ?? 100, offset ?? 0, ct)).Select(r => LifecycleViews.Project(r, today)));
    }

    private static async Task<IResult> Get(LedgerStore store, ProjectHandlers handlers, Guid id, CancellationToken ct) =>
        await store.Lifecycle.ProjectAsync(new ProjectId(id), ct) is { } r
            ? TypedResults.Ok(LifecycleViews.Project(r, handlers.Today()))
            : Problems.NotFound($"No project {id}.");

    private static async Task<IResult> Timeline(LedgerStore store, Guid id, CancellationToken ct) =>
        await store.Lifecycle.ProjectAsync(new ProjectId(id), ct) is null
            ? Problems.NotFound($"No project {id}.")
            : TypedResults.Ok((await store.Lifecycle.TimelineAsync(new ProjectId(id), ct)).Select(LifecycleViews.Event));
}
