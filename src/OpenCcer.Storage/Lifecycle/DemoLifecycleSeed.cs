using OpenCcer.Core.Calendar;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Methodologies;

namespace OpenCcer.Storage.Lifecycle;

/// <summary>
/// Demo projects in every lifecycle state, with fixed dates from 2024 to 2026: the real first-batch
/// projects (registered; Hubei Wufeng in its real public notice of 2026-07-17 to 2026-08-13) and synthetic
/// ones for the other states, plus reductions, one of them issued as units. Runs only on a store with no projects.
/// </summary>
public static class DemoLifecycleSeed
{
    private const string Sha = "5f0c3b1e8a9d4c7b2e6f1a0d9c8b7a6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a";
    private const string Cqc = "12100000VVB0000005";
    private const string Cec = "12100000VVB0000006";
    private static readonly Actor Admin = new(Role.RegistryAdministrator, OrganisationId.None);

    public static async Task<int> RunAsync(LedgerStore store, RegistryEngine engine, CancellationToken ct = default)
    {
        if (await store.Lifecycle.ProjectCountAsync(ct) > 0) return 0;
        var clock = new SeedClock(new DateTimeOffset(2024, 3, 4, 2, 0, 0, TimeSpan.Zero));
        var calendar = WorkingDayCalendar.Shipped();
        var service = new LifecycleService(store, engine, calendar, MethodologyCatalogue.Shipped, clock);
        var seed = new Steps(service, calendar);

        // 2024: the first batch and a few synthetic projects go through notice and validation together.
        var spic = await seed.Draft("91370000MA3CSPIC01", "SPIC Shandong Peninsula South No. 3 offshore wind farm", "CCER-01-002-V01", "Shandong", "2020-07-08", "2021-12-16", 10, "SD-OW-0001");
        var cgn = await seed.Draft("91440000MA4CGN0006", "CGN Shanwei Jiazi Phase I offshore wind farm", "CCER-01-002-V01", "Guangdong", "2019-12-20", "2021-12-01", 10, "GD-OW-0002");
        var qinghai = await seed.Draft("91630000MA7CSP009", "Qinghai Delingha 50 MW solar thermal (synthetic)", "CCER-01-001-V01", "Qinghai", "2021-06-01", "2022-01-01", 10, "QH-ST-0005");
        var mangrove = await seed.Draft("12350000MA6MANGR8", "Fujian Zhangjiangkou mangrove planting (synthetic)", "CCER-14-002-V01", "Fujian", "2021-03-01", "2021-03-01", 30, "FJ-MG-0004");
        var rejected = await seed.Draft("91210000MA9DALIAN", "Liaoning Dalian Zhuanghe offshore wind phase II (synthetic)", "CCER-01-002-V01", "Liaoning", "2021-05-10", "2022-06-01", 10);
        var deregistered = await seed.Draft("91320000MA9RUDONG", "Jiangsu Rudong H6 offshore wind (synthetic)", "CCER-01-002-V01", "Jiangsu", "2020-10-01", "2021-10-01", 10);
        var revoked = await seed.Draft("91460000MA9DANZHO", "Hainan Danzhou Xinying Bay mangrove (synthetic)", "CCER-14-002-V01", "Hainan", "2021-04-01", "2021-04-01", 30);
        var negative = await seed.Draft("91530000MA9LIJIAN", "Yunnan Lijiang Yulong afforestation (synthetic)", "CCER-14-001-V01", "Yunnan", "2021-02-01", "2021-02-01", 30);
        string[] first = [spic, cgn, qinghai, mangrove, rejected, deregistered, revoked, negative];
        foreach (var p in first) await seed.Project(p, (s, a, d) => ProjectLifecycle.Publish(s, a, d, Organisations.IdOf(p == qinghai ? Cec : Cqc), calendar), p == qinghai ? Cec : Cqc);
        await seed.Project(spic, (s, _, d) => ProjectLifecycle.Comment(s, Actor.Anonymous, d, "What hub height and capacity factor were assumed?"));
        await seed.Project(spic, (s, a, d) => ProjectLifecycle.Answer(s, a, d, 1, "90 m hub height; 2,664.8 full-load hours a year, from the feasibility study."));
        clock.Advance(TimeSpan.FromDays(35));
        foreach (var p in first)
        {
            await seed.ToValidated(p, p == qinghai ? Cec : Cqc, p == negative ? ValidationConclusion.Negative : ValidationConclusion.Positive, raiseCar: p == mangrove);
        }
        foreach (var p in first.Where(p => p != negative))
        {
            await seed.Project(p, (s, a, d) => ProjectLifecycle.Apply(s, a, d, Application, seed.Context!, calendar), needsContext: true);
            await seed.Project(p, (s, _, d) => ProjectLifecycle.AcceptForReview(s, Admin, d));
        }
        clock.Advance(TimeSpan.FromDays(10));
        foreach (var p in first.Where(p => p != negative && p != rejected)) await seed.Project(p, (s, _, d) => ProjectLifecycle.Register(s, Admin, d));
        await seed.Project(rejected, (s, _, d) => ProjectLifecycle.Reject(s, Admin, d, "Grid connection date not evidenced."));
        clock.Advance(TimeSpan.FromDays(60));
        await seed.Project(deregistered, (s, a, d) => ProjectLifecycle.Deregister(s, a, d, "Owner request: the farm was merged into a larger project."));
        await seed.Project(revoked, (s, _, d) => ProjectLifecycle.Revoke(s, Admin, d, "Survey data of the planting area were falsified."));

        // 2026: reductions of the first quarter, and projects caught at each step of the way.
        clock.MoveTo(new DateTimeOffset(2026, 4, 6, 2, 0, 0, TimeSpan.Zero));
        var quarter = new MonitoringPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        var qinghaiQ1 = await seed.Monitoring(qinghai, quarter, 30_000, Cqc);
        var spicQ1 = await seed.Monitoring(spic, quarter, 121_500, Cec);
        var noticeEnded = await seed.Draft("91150000MA9INNERM", "Inner Mongolia Horqin sand-land afforestation (synthetic)", "CCER-14-001-V01", "Inner Mongolia", "2021-04-15", "2021-04-15", 30);
        var underValidation = await seed.Draft("91350000MA9PINGTN", "Fujian Pingtan offshore wind (synthetic)", "CCER-01-002-V01", "Fujian", "2021-01-20", "2022-01-01", 10);
        var validated = await seed.Draft("91650000MA9HAMICS", "Xinjiang Hami 100 MW solar thermal (synthetic)", "CCER-01-001-V01", "Xinjiang", "2021-08-01", "2023-01-01", 10);
        var applied = await seed.Draft("91450000MA9BEIHAI", "Guangxi Beihai mangrove restoration (synthetic)", "CCER-14-002-V01", "Guangxi", "2021-09-01", "2021-09-01", 30);
        var underReview = await seed.Draft("91330000MA9ZHOUSH", "Zhejiang Zhoushan Daishan offshore wind (synthetic)", "CCER-01-002-V01", "Zhejiang", "2020-11-01", "2022-03-01", 10);
        string[] later = [noticeEnded, underValidation, validated, applied, underReview];
        foreach (var p in later) await seed.Project(p, (s, a, d) => ProjectLifecycle.Publish(s, a, d, Organisations.IdOf(Cqc), calendar), Cqc);
        clock.Advance(TimeSpan.FromDays(35));
        await seed.Reduction(qinghaiQ1, (r, p, o, a, d) => ReductionLifecycle.StartVerification(r, Vvb(Cqc), d));
        await seed.Reduction(qinghaiQ1, (r, p, o, a, d) => ReductionLifecycle.SubmitVerificationReport(r, Vvb(Cqc), d, new(29_850), Sha));
        await seed.Reduction(qinghaiQ1, (r, p, o, a, d) => ReductionLifecycle.Apply(r, p, a, d, new(29_850), o, ReductionRules.Default, calendar));
        await seed.Reduction(qinghaiQ1, (r, p, o, a, d) => ReductionLifecycle.AcceptForReview(r, Admin, d));
        await seed.Reduction(qinghaiQ1, (r, p, o, a, d) => ReductionLifecycle.Register(r, Admin, d));
        await seed.Reduction(qinghaiQ1, (r, p, o, a, d) => ReductionLifecycle.Issue(r, Admin, d));
        await seed.Reduction(spicQ1, (r, p, o, a, d) => ReductionLifecycle.StartVerification(r, Vvb(Cec), d));
        await seed.Project(noticeEnded, (s, a, d) => ProjectLifecycle.EndNotice(s, a, d));
        await seed.Project(underValidation, (s, a, d) => ProjectLifecycle.EndNotice(s, a, d));
        await seed.Project(underValidation, (s, _, d) => ProjectLifecycle.StartValidation(s, Vvb(Cqc), d));
        foreach (var p in new[] { validated, applied, underReview }) await seed.ToValidated(p, Cqc, ValidationConclusion.Positive, raiseCar: false);
        foreach (var p in new[] { applied, underReview }) await seed.Project(p, (s, a, d) => ProjectLifecycle.Apply(s, a, d, Application, seed.Context!, calendar), needsContext: true);
        await seed.Project(underReview, (s, _, d) => ProjectLifecycle.AcceptForReview(s, Admin, d));

        clock.MoveTo(new DateTimeOffset(2026, 7, 17, 2, 0, 0, TimeSpan.Zero));
        var wufeng = await seed.Draft("12420000MA5WUFENG7", "Hubei Wufeng afforestation (state forest farms and seven townships)", "CCER-14-001-V01", "Hubei", "2020-11-01", "2020-11-01", 30, "HB-AF-0003");
        await seed.Project(wufeng, (s, a, d) => ProjectLifecycle.Publish(s, a, d, Organisations.IdOf(Cqc), calendar), Cqc);
        await seed.Draft("91620000MA9JIUQUA", "Gansu Jiuquan Gobi shelterbelt afforestation (synthetic)", "CCER-14-001-V01", "Gansu", "2022-03-01", "2022-03-01", 30);
        return seed.Applied;
    }

    private static readonly ProjectApplication Application = new(true, [], false, false, false);

    private static Actor Vvb(string subject) => new(Role.Vvb, Organisations.IdOf(subject));

    private sealed class Steps(LifecycleService service, WorkingDayCalendar calendar)
    {
        private readonly Dictionary<string, string> owners = [];

        public int Applied { get; private set; }

        public ApplicationContext? Context { get; private set; }

        public async Task<string> Draft(string owner, string title, string methodology, string province, string construction,
            string creditingStart, int years, string? code = null)
        {
            var outcome = await service.DraftAsync(new Actor(Role.ProjectOwner, Organisations.IdOf(owner)), owner,
                new ProjectDescription(title, methodology, DateOnly.Parse(construction, System.Globalization.CultureInfo.InvariantCulture),
                    new Core.Lifecycle.CreditingPeriod(DateOnly.Parse(creditingStart, System.Globalization.CultureInfo.InvariantCulture), years)), province, code);
            var id = Check(outcome, title).State.Id.ToString();
            owners[id] = owner;
            return id;
        }

        public async Task Project(string id, Func<ProjectState, Actor, DateOnly, Decision<ProjectState>> step, string? vvb = null, bool needsContext = false)
        {
            var owner = new Actor(Role.ProjectOwner, Organisations.IdOf(owners[id]));
            var outcome = await service.ActAsync(new ProjectId(Guid.Parse(id)), (r, context) =>
            {
                Context = context;
                return step(r.State, owner, service.Today());
            }, vvb, needsContext);
            Check(outcome, id);
        }

        public async Task ToValidated(string id, string vvb, ValidationConclusion conclusion, bool raiseCar)
        {
            await Project(id, (s, a, d) => ProjectLifecycle.EndNotice(s, a, d));
            await Project(id, (s, _, d) => ProjectLifecycle.StartValidation(s, Vvb(vvb), d));
            if (raiseCar)
            {
                await Project(id, (s, _, d) => ProjectLifecycle.RaiseCorrectiveAction(s, Vvb(vvb), d, "Provide tenure certificates for all parcels."));
                await Project(id, (s, _, d) => ProjectLifecycle.CloseCorrectiveAction(s, Vvb(vvb), d, 1, "Certificates for all 14 parcels provided."));
            }
            await Project(id, (s, _, d) => ProjectLifecycle.SubmitValidationReport(s, Vvb(vvb), d,
                new ValidationReport(conclusion, Sha, conclusion == ValidationConclusion.Positive ? "Meets the methodology." : "Land was forest within the last 3 years.")));
        }

        public async Task<string> Monitoring(string project, MonitoringPeriod period, long claimed, string vvb)
        {
            var owner = new Actor(Role.ProjectOwner, Organisations.IdOf(owners[project]));
            var started = Check(await service.StartMonitoringAsync(new ProjectId(Guid.Parse(project)), owner, period), project);
            var id = started.State.Id.ToString();
            owners[id] = owners[project];
            await Reduction(id, (r, p, o, a, d) => ReductionLifecycle.DraftReport(r, a, d, new(claimed), Sha));
            await Reduction(id, (r, p, o, a, d) => ReductionLifecycle.Publish(r, p, a, d, Organisations.IdOf(vvb), calendar), vvb);
            return id;
        }

        public async Task Reduction(string id, Func<ReductionState, ProjectState, IReadOnlyList<ReductionState>, Actor, DateOnly, Decision<ReductionState>> step,
            string? vvb = null)
        {
            var owner = new Actor(Role.ProjectOwner, Organisations.IdOf(owners[id]));
            Check(await service.ActAsync(new ReductionId(Guid.Parse(id)), (r, p, o) => step(r.State, p.State, o, owner, service.Today()), vvb), id);
        }

        private T Check<T>(LifecycleOutcome<T> outcome, string what)
        {
            if (outcome.Kind != LifecycleOutcomeKind.Ok)
                throw new InvalidOperationException($"Demo lifecycle step for {what} failed: {outcome.Kind} {outcome.Status} {outcome.LedgerStatus} {outcome.Detail}");
            Applied++;
            return outcome.Record!;
        }
    }
}
