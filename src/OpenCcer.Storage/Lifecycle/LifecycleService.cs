using System.Globalization;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Storage.Lifecycle;

/// <summary>
/// Runs project and reduction lifecycle actions: load the record, let the pure lifecycle decide, store the
/// new state and its events in one transaction. Issuing a registered reduction also issues its units
/// through the registry engine, idempotently, before the state is stored. Actions are serialised, so
/// every decision sees the latest state.
/// </summary>
public sealed class LifecycleService(LedgerStore store, RegistryEngine engine, WorkingDayCalendar calendar,
    Func<MethodologyCatalogue> catalogue, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public WorkingDayCalendar Calendar => calendar;

    /// <summary>Today's business date in China.</summary>
    public DateOnly Today() => ChinaClock.Today(time);

    /// <summary>Drafts a project. Its code numbers its units; given only when importing a project that already has one.</summary>
    public async Task<LifecycleOutcome<ProjectRecord>> DraftAsync(Actor actor, string ownerSubject, ProjectDescription description,
        string province, string? code = null, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            var id = new ProjectId(Guid.CreateVersion7(time.GetUtcNow()));
            var decision = ProjectLifecycle.Draft(actor, Today(), id, description);
            if (!decision.IsOk) return LifecycleOutcome<ProjectRecord>.Refused(decision.Status);
            if (catalogue().Find(description.MethodologyCode) is null) return LifecycleOutcome<ProjectRecord>.Invalid("methodology_code");
            var number = await store.Lifecycle.ProjectCountAsync(ct) + 1;
            var record = new ProjectRecord(decision.State!, code ?? string.Create(CultureInfo.InvariantCulture, $"P{number:D6}"), ownerSubject, null, province, 0);
            await store.Lifecycle.SaveProjectAsync(record, 0, decision.Events, time.GetUtcNow(), ct);
            return LifecycleOutcome<ProjectRecord>.Ok(record with { Version = 1 });
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Acts on a project. <paramref name="vvbSubject"/> records the VVB named at publication.</summary>
    public async Task<LifecycleOutcome<ProjectRecord>> ActAsync(ProjectId id,
        Func<ProjectRecord, ApplicationContext?, Decision<ProjectState>> decide, string? vvbSubject = null, bool needsContext = false,
        CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            var record = await store.Lifecycle.ProjectAsync(id, ct);
            if (record is null) return LifecycleOutcome<ProjectRecord>.NotFound($"No project {id}.");
            var decision = decide(record, needsContext ? await ContextAsync(record, ct) : null);
            if (!decision.IsOk) return LifecycleOutcome<ProjectRecord>.Refused(decision.Status);
            var next = record with { State = decision.State, VvbSubjectId = vvbSubject ?? record.VvbSubjectId };
            if (!await store.Lifecycle.SaveProjectAsync(next, record.Version, decision.Events, time.GetUtcNow(), ct))
                throw new InvalidOperationException($"Project {id} changed outside the lifecycle service.");
            return LifecycleOutcome<ProjectRecord>.Ok(next with { Version = record.Version + 1 });
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<LifecycleOutcome<ReductionRecord>> StartMonitoringAsync(ProjectId projectId, Actor actor, MonitoringPeriod period,
        CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            var project = await store.Lifecycle.ProjectAsync(projectId, ct);
            if (project is null) return LifecycleOutcome<ReductionRecord>.NotFound($"No project {projectId}.");
            var others = (await store.Lifecycle.ReductionsOfProjectAsync(projectId, ct)).Select(r => r.State).ToList();
            var id = new ReductionId(Guid.CreateVersion7(time.GetUtcNow()));
            var decision = ReductionLifecycle.StartMonitoring(project.State, actor, Today(), id, period, others);
            if (!decision.IsOk) return LifecycleOutcome<ReductionRecord>.Refused(decision.Status);
            var record = new ReductionRecord(decision.State!, null, 0);
            await store.Lifecycle.SaveReductionAsync(record, 0, decision.Events, time.GetUtcNow(), ct);
            return LifecycleOutcome<ReductionRecord>.Ok(record with { Version = 1 });
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Acts on a reduction, given its project and the project's other reductions.</summary>
    public async Task<LifecycleOutcome<ReductionRecord>> ActAsync(ReductionId id,
        Func<ReductionRecord, ProjectRecord, IReadOnlyList<ReductionState>, Decision<ReductionState>> decide, string? vvbSubject = null,
        CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            var record = await store.Lifecycle.ReductionAsync(id, ct);
            if (record is null) return LifecycleOutcome<ReductionRecord>.NotFound($"No reduction {id}.");
            var project = await store.Lifecycle.ProjectAsync(record.State.Project, ct)
                ?? throw new InvalidOperationException($"Reduction {id} has no project.");
            var others = (await store.Lifecycle.ReductionsOfProjectAsync(project.State.Id, ct)).Select(r => r.State).ToList();
            var decision = decide(record, project, others);
            if (!decision.IsOk) return LifecycleOutcome<ReductionRecord>.Refused(decision.Status);
            foreach (var request in decision.Events.OfType<IssuanceRequested>())
            {
                var issued = await IssueUnitsAsync(project, request, ct);
                if (issued != LedgerStatus.Ok)
                    return new LifecycleOutcome<ReductionRecord>(LifecycleOutcomeKind.LedgerRefused, null, LedgerStatus: issued);
            }
            var next = record with { State = decision.State, VvbSubjectId = vvbSubject ?? record.VvbSubjectId };
            if (!await store.Lifecycle.SaveReductionAsync(next, record.Version, decision.Events, time.GetUtcNow(), ct))
                throw new InvalidOperationException($"Reduction {id} changed outside the lifecycle service.");
            return LifecycleOutcome<ReductionRecord>.Ok(next with { Version = record.Version + 1 });
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Issues one vintage of a reduction into the owner's registry account. The operation id and the
    /// issuance reference derive from the reduction and vintage, so a retry after a crash issues nothing twice.
    /// </summary>
    private async Task<LedgerStatus> IssueUnitsAsync(ProjectRecord project, IssuanceRequested request, CancellationToken ct)
    {
        var registry = (await store.Registry.AccountsOfSubjectAsync(project.OwnerSubjectId, ct)).FirstOrDefault(a => a.Kind == (int)AccountKind.Registry);
        if (registry is null) return LedgerStatus.AccountNotFound;
        var reference = string.Create(CultureInfo.InvariantCulture, $"{request.Reduction}-{request.Vintage}");
        var submission = await engine.SubmitAsync("issue-" + reference,
            new IssueUnits(reference, new Instrument(project.Code, request.Vintage), request.Quantity.Value, new AccountId(registry.Id)), ct);
        if (submission.IdempotencyConflict) return LedgerStatus.ExistsWithDifferentData;
        return submission.Status;
    }

    private async Task<ApplicationContext> ContextAsync(ProjectRecord record, CancellationToken ct)
    {
        var info = catalogue().Find(record.State.Description.MethodologyCode);
        var terms = info is null
            ? new MethodologyTerms(record.State.Description.MethodologyCode, DateOnly.MaxValue, null, 0)
            : new MethodologyTerms(info.Code, info.InForce, info.RetiredOn, info.CreditingYearsMax);
        // Every other project's claimed external ids, read page by page: a duplicate must be found however
        // many projects the registry holds.
        var known = new HashSet<ExternalId>();
        for (var offset = 0; ; offset += LedgerStore.PageSizeMax)
        {
            var page = await store.Lifecycle.ProjectsAsync(null, null, null, LedgerStore.PageSizeMax, offset, ct);
            foreach (var other in page)
            {
                if (other.State.Id == record.State.Id || other.State.Application is null) continue;
                foreach (var e in other.State.Application.ExternalRegistrations) known.Add(e.Id);
            }
            if (page.Count < LedgerStore.PageSizeMax) break;
        }
        return new ApplicationContext(terms, known, await store.Lifecycle.BansAsync(ct));
    }
}
