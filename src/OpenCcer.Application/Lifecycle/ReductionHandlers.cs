using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Application.Lifecycle;

/// <summary>
/// The reduction lifecycle's use cases, one method each, for the API and the portal alike: monitoring
/// period, report, public notice, verification by another VVB, application, review, registration and
/// issuance of units into the owner's registry account. The lifecycle decides who may take each step.
/// </summary>
public sealed class ReductionHandlers(LifecycleService lifecycle)
{
    private delegate Decision<ReductionState> Decide(ReductionRecord record, ProjectRecord project, IReadOnlyList<ReductionState> others,
        Actor actor, DateOnly date);

    /// <summary>Today's business date in China, for the views of what a handler returns.</summary>
    public DateOnly Today() => lifecycle.Today();

    /// <summary>Opens a monitoring period of a registered project (owner).</summary>
    public async Task<Outcome<ReductionRecord>> StartMonitoringAsync(Caller caller, Guid projectId, MonitoringRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var first = r.Date("period_first", body.PeriodFirst);
        var last = r.Date("period_last", body.PeriodLast);
        if (r.HasErrors) return r.Refusal();
        return (await lifecycle.StartMonitoringAsync(new ProjectId(projectId), caller.Actor(), new MonitoringPeriod(first, last), ct)).ToOutcome();
    }

    /// <summary>Drafts the monitoring report claiming a quantity (owner).</summary>
    public Task<Outcome<ReductionRecord>> DraftReportAsync(Caller caller, Guid id, ReportRequest body, CancellationToken ct = default) =>
        WithReportAsync(caller, id, body, ReductionLifecycle.DraftReport, ct);

    /// <summary>Publishes the report for its notice, naming a VVB other than the validating one (owner).</summary>
    public Task<Outcome<ReductionRecord>> PublishAsync(Caller caller, Guid id, VvbRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var vvb = r.Text("vvb_subject_id", body.VvbSubjectId, ProjectHandlers.SubjectIdLengthMax);
        if (r.HasErrors) return Refused(r);
        return ActAsync(caller, id,
            (record, project, _, actor, date) => ReductionLifecycle.Publish(record.State, project.State, actor, date, Organisations.IdOf(vvb), lifecycle.Calendar),
            ct, vvb);
    }

    public Task<Outcome<ReductionRecord>> CommentAsync(Caller caller, Guid id, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, ReductionLifecycle.Comment, ct);

    public Task<Outcome<ReductionRecord>> AnswerAsync(Caller caller, Guid id, int number, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, (s, a, d, text) => ReductionLifecycle.Answer(s, a, d, number, text), ct);

    public Task<Outcome<ReductionRecord>> StartVerificationAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        StepAsync(caller, id, ReductionLifecycle.StartVerification, ct);

    /// <summary>Submits the verification report fixing the quantity (the named VVB).</summary>
    public Task<Outcome<ReductionRecord>> SubmitVerificationReportAsync(Caller caller, Guid id, ReportRequest body, CancellationToken ct = default) =>
        WithReportAsync(caller, id, body, ReductionLifecycle.SubmitVerificationReport, ct);

    /// <summary>Applies for registration of exactly the verified quantity (owner).</summary>
    public Task<Outcome<ReductionRecord>> ApplyAsync(Caller caller, Guid id, QuantityRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return Refused(r);
        return ActAsync(caller, id, (record, project, others, actor, date) =>
            ReductionLifecycle.Apply(record.State, project.State, actor, date, new Tonnes(quantity), others, ReductionRules.Default, lifecycle.Calendar), ct);
    }

    public Task<Outcome<ReductionRecord>> StartReviewAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        StepAsync(caller, id, ReductionLifecycle.AcceptForReview, ct);

    public Task<Outcome<ReductionRecord>> RegisterAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        StepAsync(caller, id, ReductionLifecycle.Register, ct);

    public Task<Outcome<ReductionRecord>> RejectAsync(Caller caller, Guid id, TextRequest body, CancellationToken ct = default) =>
        WithTextAsync(caller, id, body, ReductionLifecycle.Reject, ct);

    /// <summary>Issues the registered quantity as units into the owner's registry account, one issuance per vintage (administrator).</summary>
    public Task<Outcome<ReductionRecord>> IssueAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        StepAsync(caller, id, ReductionLifecycle.Issue, ct);

    private static Task<Outcome<ReductionRecord>> Refused(Fields fields) => LifecycleSteps.Refused<ReductionRecord>(fields);

    private Task<Outcome<ReductionRecord>> WithTextAsync(Caller caller, Guid id, TextRequest body,
        Func<ReductionState, Actor, DateOnly, string, Decision<ReductionState>> decide, CancellationToken ct) =>
        LifecycleSteps.WithTextAsync(body, text => ActAsync(caller, id, (record, _, _, a, d) => decide(record.State, a, d, text), ct));

    /// <summary>A step that decides on the reduction's state alone.</summary>
    private Task<Outcome<ReductionRecord>> StepAsync(Caller caller, Guid id, Func<ReductionState, Actor, DateOnly, Decision<ReductionState>> decide,
        CancellationToken ct) =>
        ActAsync(caller, id, (record, _, _, actor, date) => decide(record.State, actor, date), ct);

    private Task<Outcome<ReductionRecord>> WithReportAsync(Caller caller, Guid id, ReportRequest body,
        Func<ReductionState, Actor, DateOnly, Tonnes, string, Decision<ReductionState>> decide, CancellationToken ct)
    {
        var r = new Fields();
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var hash = r.Required("report_sha256", body.ReportSha256);
        if (r.HasErrors) return Refused(r);
        return ActAsync(caller, id, (record, _, _, a, d) => decide(record.State, a, d, new Tonnes(quantity), hash), ct);
    }

    private async Task<Outcome<ReductionRecord>> ActAsync(Caller caller, Guid id, Decide decide, CancellationToken ct, string? vvb = null)
    {
        var actor = caller.Actor();
        var today = lifecycle.Today();
        var outcome = await lifecycle.ActAsync(new ReductionId(id), (r, p, o) => decide(r, p, o, actor, today), vvb, ct);
        return outcome.ToOutcome();
    }
}
