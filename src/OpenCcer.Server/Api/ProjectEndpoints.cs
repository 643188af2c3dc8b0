using System.Text.Json;
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
        pub.MapPost("/{id:guid}/comments", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id) =>
            With<TextRequest>(h, p, j, (c, b, ct) => p.CommentAsync(c, id, b, ct))).Accepts<TextRequest>("application/json")
            .WithSummary("Comment during the public notice (anyone).");

        var api = app.MapGroup("/api/v1/projects").WithTags("Projects").RequireAuthorization(RegistryEndpoints.ReaderPolicy);
        api.MapPost("", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j) =>
            With<DraftProjectRequest>(h, p, j, p.DraftAsync)).Accepts<DraftProjectRequest>("application/json").WithSummary("Draft a project (project owner).");
        api.MapPost("/{id:guid}/publish", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id) =>
            With<VvbRequest>(h, p, j, (c, b, ct) => p.PublishAsync(c, id, b, ct))).Accepts<VvbRequest>("application/json")
            .WithSummary("Publish the design document for 20 working days, naming the validating VVB (owner).");
        api.MapPost("/{id:guid}/comments/{number:int}/answer", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id, int number) =>
            With<TextRequest>(h, p, j, (c, b, ct) => p.AnswerAsync(c, id, number, b, ct))).Accepts<TextRequest>("application/json")
            .WithSummary("Answer a comment (owner).");
        api.MapPost("/{id:guid}/withdraw", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id) =>
            With<TextRequest>(h, p, j, (c, b, ct) => p.WithdrawAsync(c, id, b, ct))).Accepts<TextRequest>("application/json")
            .WithSummary("Withdraw during the notice (owner).");
        api.MapPost("/{id:guid}/end-notice", (HttpContext h, ProjectHandlers p, Guid id) =>
            Step(h, p, (c, ct) => p.EndNoticeAsync(c, id, ct))).WithSummary("Close a notice whose 20 working days are over.");
        api.MapPost("/{id:guid}/validation/start", (HttpContext h, ProjectHandlers p, Guid id) =>
            Step(h, p, (c, ct) => p.StartValidationAsync(c, id, ct))).WithSummary("Start validation (the named VVB).");
        api.MapPost("/{id:guid}/validation/corrective-actions", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id) =>
            With<TextRequest>(h, p, j, (c, b, ct) => p.RaiseCorrectiveActionAsync(c, id, b, ct))).Accepts<TextRequest>("application/json")
            .WithSummary("Raise a corrective-action request (VVB).");
        api.MapPost("/{id:guid}/validation/corrective-actions/{number:int}/close", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id, int number) =>
            With<TextRequest>(h, p, j, (c, b, ct) => p.CloseCorrectiveActionAsync(c, id, number, b, ct))).Accepts<TextRequest>("application/json")
            .WithSummary("Close a corrective-action request (VVB).");
        api.MapPost("/{id:guid}/validation/report", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id) =>
            With<ValidationReportRequest>(h, p, j, (c, b, ct) => p.SubmitValidationReportAsync(c, id, b, ct))).Accepts<ValidationReportRequest>("application/json")
            .WithSummary("Submit the validation report (VVB).");
        api.MapPost("/{id:guid}/apply", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id) =>
            With<ProjectApplyRequest>(h, p, j, (c, b, ct) => p.ApplyAsync(c, id, b, ct))).Accepts<ProjectApplyRequest>("application/json")
            .WithSummary("Apply for registration with the uniqueness commitment (owner).");
        api.MapPost("/{id:guid}/review/start", (HttpContext h, ProjectHandlers p, Guid id) =>
            Step(h, p, (c, ct) => p.StartReviewAsync(c, id, ct))).WithSummary("Start the registry review (administrator).");
        api.MapPost("/{id:guid}/register", (HttpContext h, ProjectHandlers p, Guid id) =>
            Step(h, p, (c, ct) => p.RegisterAsync(c, id, ct))).WithSummary("Register the project (administrator).");
        api.MapPost("/{id:guid}/reject", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id) =>
            With<TextRequest>(h, p, j, (c, b, ct) => p.RejectAsync(c, id, b, ct))).Accepts<TextRequest>("application/json")
            .WithSummary("Reject the application with a reason (administrator).");
        api.MapPost("/{id:guid}/deregister", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id) =>
            With<TextRequest>(h, p, j, (c, b, ct) => p.DeregisterAsync(c, id, b, ct))).Accepts<TextRequest>("application/json")
            .WithSummary("Deregister a registered project (owner or administrator; terminal).");
        api.MapPost("/{id:guid}/revoke", (HttpContext h, ProjectHandlers p, JsonSerializerOptions j, Guid id) =>
            With<TextRequest>(h, p, j, (c, b, ct) => p.RevokeAsync(c, id, b, ct))).Accepts<TextRequest>("application/json")
            .WithSummary("Revoke for fraud: the owner may not apply for 3 years (administrator).");
        return app;
    }

    /// <summary>A step without a body: the caller to the handler, its outcome to the project's view or a problem.</summary>
    private static async Task<IResult> Step(HttpContext http, ProjectHandlers handlers,
        Func<Caller, CancellationToken, Task<Outcome<ProjectRecord>>> handle)
    {
        var today = handlers.Today();
        return (await handle(Caller.Of(http.User), http.RequestAborted)).ToResult(r => TypedResults.Ok(LifecycleViews.Project(r, today)));
    }

    /// <summary>A step with a JSON body: the body and the caller to the handler.</summary>
    private static async Task<IResult> With<T>(HttpContext http, ProjectHandlers handlers, JsonSerializerOptions json,
        Func<Caller, T, CancellationToken, Task<Outcome<ProjectRecord>>> handle) where T : class
    {
        var (body, problem) = await RequestReader.ReadAsync<T>(http, json);
        if (problem is not null) return problem;
        return await Step(http, handlers, (caller, ct) => handle(caller, body!, ct));
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
