using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.People;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Server.People;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// Registry account opening (R 7): an organisation applies, the registry administrator takes the application
/// into review (decision due 15 working days later), then approves it, which opens the accounts on the
/// ledger, or rejects it with a reason.
/// </summary>
public static class AccountApplicationEndpoints
{
    public const int ReviewWorkingDays = 15;

    public static IEndpointRouteBuilder MapAccountApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/account-applications").WithTags("Account opening")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("", Apply).RequireAuthorization(PeopleAuthentication.AccountHolderPolicy).Accepts<AccountApplicationRequest>("application/json")
            .WithSummary("Apply for the caller's organisation's registry account.");
        api.MapGet("", List).RequireAuthorization(RegistryEndpoints.ReaderPolicy)
            .WithSummary("Applications, newest first, with review due dates and an overdue flag (own organisation's unless registry or regulator).");
        api.MapGet("/{id:guid}", Get).RequireAuthorization(RegistryEndpoints.ReaderPolicy).WithSummary("One application with its history.");
        api.MapPost("/{id:guid}/start-review", StartReview).RequireAuthorization(RegistryEndpoints.AdministratorPolicy)
            .WithSummary("Take an application into review; the decision is due 15 working days later.");
        api.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(RegistryEndpoints.AdministratorPolicy)
            .WithSummary("Approve an application under review: the ledger opens the registry and trading accounts.");
        api.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(RegistryEndpoints.AdministratorPolicy).Accepts<ReasonRequest>("application/json")
            .WithSummary("Reject an application under review, with a reason.");
        return app;
    }

    private static async Task<IResult> Apply(HttpContext http, LedgerStore store, TimeProvider time, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<AccountApplicationRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var type = r.Enum<HolderType>("holder_type", body.HolderType);
        if (r.HasErrors) return r.Refusal().ToProblem();
        if (Member.Of(http.User) is not { } member) return Problems.For(WorkflowStatus.PersonRequired);
        var organisation = await store.People.OrganisationAsync(member.OrganisationId, http.RequestAborted);
        if (organisation is null) return Problems.For(WorkflowStatus.OrganisationNotFound);
        if ((await store.Registry.AccountsOfSubjectAsync(organisation.SubjectId, http.RequestAborted)).Count > 0)
            return Problems.For(LedgerStatus.SubjectHasAccount, $"Subject {organisation.SubjectId} already has its accounts.");
        var now = time.GetUtcNow();
        var application = new AccountApplicationRecord(Guid.CreateVersion7(now).ToString(), organisation.Id, op, LedgerCall.HashOf(type),
            organisation.SubjectId, organisation.Name, (int)type, AccountApplicationStatus.Applied, Stamp.Of(now), member.UserId,
            null, null, null, null);
        var (outcome, stored) = await store.Workflow.AddApplicationAsync(application, http.RequestAborted);
        return outcome switch
        {
            InsertOutcome.Inserted => TypedResults.Created($"/api/v1/account-applications/{stored.Id}", View(stored, ChinaClock.Today(time), null)),
            InsertOutcome.Replayed => TypedResults.Ok(View(stored, ChinaClock.Today(time), null)),
            InsertOutcome.OperationIdReused => LedgerCall.ForReplay(outcome, op),
            _ => Problems.For(WorkflowStatus.ApplicationOpen, $"Subject {organisation.SubjectId} has an application applied or under review."),
        };
    }

    private static async Task<IResult> List(HttpContext http, LedgerStore store, TimeProvider time, int? limit, int? offset)
    {
        var caller = Caller.Of(http.User);
        var today = ChinaClock.Today(time);
        if (caller.Role is Role.RegistryAdministrator or Role.Regulator)
            return TypedResults.Ok((await store.Workflow.ApplicationsAsync(null, limit ?? 100, offset ?? 0, http.RequestAborted)).Select(a => View(a, today, null)));
        if (Member.Of(http.User) is not { } member) return TypedResults.Ok(Array.Empty<object>());
        return TypedResults.Ok((await store.Workflow.ApplicationsAsync(member.OrganisationId, limit ?? 100, offset ?? 0, http.RequestAborted))
            .Select(a => View(a, today, null)));
    }

    private static async Task<IResult> Get(HttpContext http, LedgerStore store, TimeProvider time, Guid id)
    {
        var application = await store.Workflow.ApplicationAsync(id.ToString(), http.RequestAborted);
        if (application is null) return Problems.For(WorkflowStatus.ApplicationNotFound);
        var caller = Caller.Of(http.User);
        if (caller.Role is not (Role.RegistryAdministrator or Role.Regulator) && Member.Of(http.User)?.OrganisationId != application.OrganisationId)
            return Problems.For(WorkflowStatus.OtherOrganisation);
        return TypedResults.Ok(View(application, ChinaClock.Today(time), await store.Workflow.ApplicationHistoryAsync(application.Id, http.RequestAborted)));
    }

    private static async Task<IResult> StartReview(HttpContext http, LedgerStore store, TimeProvider time, WorkingDayCalendar calendar, Guid id)
    {
        var (application, member, problem) = await Load(http, store, id);
        if (problem is not null) return problem;
        var today = ChinaClock.Today(time);
        if (!calendar.TryAddWorkingDays(today, ReviewWorkingDays, out var due, out var unknownYear))
            return Problems.For(WorkflowStatus.CalendarYearUnknown, $"Load the working-day calendar of {unknownYear}.");
        if (!await store.Workflow.StartReviewAsync(application!.Id, member!.UserId, time.GetUtcNow(), due, http.RequestAborted))
            return Conflict(application, "only an applied application can be taken into review");
        return TypedResults.Ok(View((await store.Workflow.ApplicationAsync(application.Id, http.RequestAborted))!, today, null));
    }

    private static async Task<IResult> Approve(HttpContext http, LedgerStore store, RegistryEngine engine, TimeProvider time, Guid id)
    {
        var (application, member, problem) = await Load(http, store, id);
        if (problem is not null) return problem;
        var resume = application!.Status == AccountApplicationStatus.Active && application.RegistryAccountId is null;
        if (!resume && !await store.Workflow.DecideApplicationAsync(application.Id, AccountApplicationStatus.Active, member!.UserId, time.GetUtcNow(), null,
                http.RequestAborted))
            return Conflict(application, "only an application under review can be approved");
        var (opened, _, refused, ledgerProblem) = await LedgerCall.SubmitAsync(engine, $"application-{application.Id}",
            new OpenAccount(application.SubjectId, application.SubjectName, (HolderType)application.HolderType), http.RequestAborted);
        if (refused is { } status)
            await store.Workflow.ReopenReviewAsync(application.Id, member!.UserId, time.GetUtcNow(), $"The ledger refused to open the account: {status}.",
                http.RequestAborted);
        if (ledgerProblem is not null) return ledgerProblem;
        await store.Workflow.RecordApplicationAccountAsync(application.Id, ((AccountOpened)opened!).RegistryAccount.Value, member!.UserId, time.GetUtcNow(),
            http.RequestAborted);
        return TypedResults.Ok(View((await store.Workflow.ApplicationAsync(application.Id, http.RequestAborted))!, ChinaClock.Today(time), null));
    }

    private static async Task<IResult> Reject(HttpContext http, LedgerStore store, TimeProvider time, JsonSerializerOptions json, Guid id)
    {
        var (body, bodyProblem) = await RequestReader.ReadAsync<ReasonRequest>(http, json);
        if (bodyProblem is not null) return bodyProblem;
        var r = new Fields();
        var reason = r.Required("reason", body!.Reason);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var (application, member, problem) = await Load(http, store, id);
        if (problem is not null) return problem;
        if (!await store.Workflow.DecideApplicationAsync(application!.Id, AccountApplicationStatus.Rejected, member!.UserId, time.GetUtcNow(), reason,
                http.RequestAborted))
            return Conflict(application, "only an application under review can be rejected");
        return TypedResults.Ok(View((await store.Workflow.ApplicationAsync(application.Id, http.RequestAborted))!, ChinaClock.Today(time), null));
    }

    private static async Task<(AccountApplicationRecord?, Member?, IResult?)> Load(HttpContext http, LedgerStore store, Guid id)
    {
        var application = await store.Workflow.ApplicationAsync(id.ToString(), http.RequestAborted);
        if (application is null) return (null, null, Problems.For(WorkflowStatus.ApplicationNotFound));
        return Member.Of(http.User) is { } member ? (application, member, null) : (null, null, Problems.For(WorkflowStatus.PersonRequired));
    }

    private static IResult Conflict(AccountApplicationRecord application, string rule) =>
        Problems.For(WorkflowStatus.StateConflict, $"The application is {RequestReader.Snake(application.Status.ToString())}: {rule}.");

    private static object View(AccountApplicationRecord a, DateOnly today, List<WorkflowStep>? history) => new
    {
        a.Id,
        a.OrganisationId,
        a.SubjectId,
        a.SubjectName,
        HolderType = RequestReader.Snake(((HolderType)a.HolderType).ToString()),
        Status = RequestReader.Snake(a.Status.ToString()),
        a.AppliedAt,
        a.AppliedBy,
        a.ReviewDue,
        Overdue = a.Status == AccountApplicationStatus.UnderReview && a.ReviewDue < today,
        a.DecidedAt,
        a.Reason,
        a.RegistryAccountId,
        History = history?.Select(h => new
        {
            h.Step,
            Status = RequestReader.Snake(((AccountApplicationStatus)h.Status).ToString()),
            h.Actor,
            h.At,
            h.Note,
        }),
    };
}
