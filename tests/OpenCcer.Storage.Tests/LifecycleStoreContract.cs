using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Storage.Tests;

/// <summary>Lifecycle persistence, the same on every store.</summary>
public abstract class LifecycleStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private LedgerStore store = null!;

    protected abstract string ConnectionString();

    public async Task InitializeAsync()
    {
        store = LedgerStore.Open(ConnectionString());
        await store.InitializeAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private static ProjectRecord NewProject(string code, string methodology = "CCER-01-002-V01", string province = "Shandong")
    {
        var owner = Organisations.IdOf("OWNER-1");
        var decision = ProjectLifecycle.Draft(new Actor(Role.ProjectOwner, owner), new DateOnly(2026, 3, 2), new ProjectId(Guid.NewGuid()),
            new ProjectDescription("Wind " + code, methodology, new DateOnly(2020, 7, 8), new CreditingPeriod(new DateOnly(2021, 12, 16), 10)));
        return new ProjectRecord(decision.State!, code, "OWNER-1", null, province, 0);
    }

    [Fact]
    public async Task a_project_round_trips_with_its_version_and_events()
    {
        var project = NewProject("P000001");
        var drafted = new ProjectDrafted(project.State.Id, new Actor(Role.ProjectOwner, project.State.Owner), new DateOnly(2026, 3, 2), project.State.Description);
        Assert.True(await store.Lifecycle.SaveProjectAsync(project, 0, [drafted], At));
        var loaded = await store.Lifecycle.ProjectAsync(project.State.Id);
        Assert.NotNull(loaded);
        Assert.Equal(project.State.Description, loaded.State.Description);
        Assert.Equal(1, loaded.Version);
        var published = ProjectLifecycle.Publish(loaded.State, new Actor(Role.ProjectOwner, project.State.Owner), new DateOnly(2026, 3, 2),
            Organisations.IdOf("VVB-1"), Core.Calendar.WorkingDayCalendar.Shipped());
        Assert.True(await store.Lifecycle.SaveProjectAsync(loaded with { State = published.State, VvbSubjectId = "VVB-1" }, 1, published.Events, At));
        Assert.False(await store.Lifecycle.SaveProjectAsync(loaded with { State = published.State }, 1, published.Events, At));
        var again = await store.Lifecycle.ProjectAsync(project.State.Id);
        Assert.Equal(ProjectPhase.InPublicNotice, again!.State.Phase);
        Assert.Equal(published.State.Notice!.End, again.State.Notice!.End);
        Assert.Equal(2, again.Version);
        var timeline = await store.Lifecycle.TimelineAsync(project.State.Id);
        Assert.Equal(["project_drafted", "project_notice_published"], timeline.Select(e => e.Kind));
        Assert.Equal(JournalHash.Genesis, timeline[0].PreviousHash);
        Assert.Equal(timeline[0].Hash, timeline[1].PreviousHash);
    }

    [Fact]
    public async Task a_project_state_with_every_part_filled_round_trips_without_loss()
    {
        var calendar = Core.Calendar.WorkingDayCalendar.Shipped();
        var owner = new Actor(Role.ProjectOwner, Organisations.IdOf("OWNER-1"));
        var vvb = new Actor(Role.Vvb, Organisations.IdOf("VVB-1"));
        var admin = new Actor(Role.RegistryAdministrator, OrganisationId.None);
        var day = new DateOnly(2026, 3, 2);
        var state = NewProject("P000009").State;
        ProjectState Step(Decision<ProjectState> d)
        {
            Assert.True(d.IsOk, d.Status.ToString());
            return d.State;
        }
        state = Step(ProjectLifecycle.Publish(state, owner, day, vvb.Organisation, calendar));
        state = Step(ProjectLifecycle.Comment(state, Actor.Anonymous, day, "Why this site?"));
        state = Step(ProjectLifecycle.Answer(state, owner, day.AddDays(1), 1, "Wind resource."));
        state = Step(ProjectLifecycle.EndNotice(state, owner, day.AddDays(40)));
        state = Step(ProjectLifecycle.StartValidation(state, vvb, day.AddDays(40)));
        state = Step(ProjectLifecycle.RaiseCorrectiveAction(state, vvb, day.AddDays(41), "Grid certificate."));
        state = Step(ProjectLifecycle.CloseCorrectiveAction(state, vvb, day.AddDays(42), 1, "Provided."));
        state = Step(ProjectLifecycle.SubmitValidationReport(state, vvb, day.AddDays(43),
            new ValidationReport(ValidationConclusion.Positive, new string('a', 64), "Valid.")));
        var application = new ProjectApplication(true, [new ExternalRegistration(new ExternalId(ExternalMechanism.Vcs, "vcs-42"), false)], false, false, false);
        var context = new ApplicationContext(new MethodologyTerms("CCER-01-002-V01", new DateOnly(2023, 10, 24), null, 10), new HashSet<ExternalId>(), []);
        state = Step(ProjectLifecycle.Apply(state, owner, day.AddDays(44), application, context, calendar));
        state = Step(ProjectLifecycle.AcceptForReview(state, admin, day.AddDays(45)));
        state = Step(ProjectLifecycle.Register(state, admin, day.AddDays(46)));
        var record = new ProjectRecord(state, "P000009", "OWNER-1", "VVB-1", "Fujian", 0);
        Assert.True(await store.Lifecycle.SaveProjectAsync(record, 0, [], At));
        var loaded = (await store.Lifecycle.ProjectAsync(state.Id))!.State;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(state, LifecycleJson.Options),
            System.Text.Json.JsonSerializer.Serialize(loaded, LifecycleJson.Options));
        Assert.Equal(new ExternalId(ExternalMechanism.Vcs, "VCS-42"), loaded.Application!.ExternalRegistrations[0].Id);
    }

    [Fact]
    public async Task a_reduction_state_with_every_part_filled_round_trips_without_loss()
    {
        var calendar = Core.Calendar.WorkingDayCalendar.Shipped();
        var project = NewProject("P000011");
        var owner = new Actor(Role.ProjectOwner, project.State.Owner);
        var registered = project.State with { Phase = ProjectPhase.Registered, ValidationVvb = Organisations.IdOf("VVB-1"), RegisteredOn = new DateOnly(2024, 6, 3) };
        var day = new DateOnly(2026, 4, 6);
        var period = new MonitoringPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        var started = ReductionLifecycle.StartMonitoring(registered, owner, day, new ReductionId(Guid.NewGuid()), period, []);
        Assert.True(started.IsOk, started.Status.ToString());
        var reported = ReductionLifecycle.DraftReport(started.State!, owner, day, new Core.Primitives.Tonnes(30_000), new string('b', 64));
        Assert.True(reported.IsOk, reported.Status.ToString());
        var published = ReductionLifecycle.Publish(reported.State, registered, owner, day, Organisations.IdOf("VVB-2"), calendar);
        Assert.True(published.IsOk, published.Status.ToString());
        var commented = ReductionLifecycle.Comment(published.State, Actor.Anonymous, day, "Meter calibration dates?");
        Assert.True(commented.IsOk, commented.Status.ToString());
        var record = new ReductionRecord(commented.State, "VVB-2", 0);
        Assert.True(await store.Lifecycle.SaveReductionAsync(record, 0, [], At));
        var loaded = (await store.Lifecycle.ReductionAsync(commented.State.Id))!.State;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(commented.State, LifecycleJson.Options),
            System.Text.Json.JsonSerializer.Serialize(loaded, LifecycleJson.Options));
        Assert.Equal(30_000, loaded.ClaimedQuantity!.Value.Value);
        Assert.Equal(period, loaded.Period);
    }

    [Fact]
    public async Task application_bans_are_read_back_from_the_timeline()
    {
        var project = NewProject("P000010");
        var ban = ApplicationBan.After(project.State.Owner, project.State.Id, new DateOnly(2026, 3, 2));
        var imposed = new ApplicationBanImposed(project.State.Id, new Actor(Role.RegistryAdministrator, OrganisationId.None), new DateOnly(2026, 3, 2), ban);
        Assert.True(await store.Lifecycle.SaveProjectAsync(project, 0, [imposed], At));
        var bans = await store.Lifecycle.BansAsync();
        Assert.Equal(ban, Assert.Single(bans));
        Assert.True(bans[0].IsActiveOn(new DateOnly(2028, 1, 1)));
    }

    [Fact]
    public async Task projects_filter_by_methodology_province_and_phase()
    {
        await store.Lifecycle.SaveProjectAsync(NewProject("P000001"), 0, [], At);
        await store.Lifecycle.SaveProjectAsync(NewProject("P000002", "CCER-14-001-V01", "Hubei"), 0, [], At);
        Assert.Equal(2, (await store.Lifecycle.ProjectsAsync(null, null, null, 10, 0)).Count);
        Assert.Equal("P000002", Assert.Single(await store.Lifecycle.ProjectsAsync("CCER-14-001-V01", null, null, 10, 0)).Code);
        Assert.Equal("P000001", Assert.Single(await store.Lifecycle.ProjectsAsync(null, "Shandong", "draft", 10, 0)).Code);
        Assert.Empty(await store.Lifecycle.ProjectsAsync(null, null, "registered", 10, 0));
        Assert.Equal(2, await store.Lifecycle.ProjectCountAsync());
    }
}

public sealed class SqliteLifecycleStoreContract : LifecycleStoreContract
{
    private readonly string connectionString = TestStores.NewSqliteConnectionString();

    protected override string ConnectionString() => connectionString;
}

public sealed class PostgresLifecycleStoreContract : LifecycleStoreContract
{
    private readonly string connectionString = TestStores.NewPostgresConnectionString();

    protected override string ConnectionString() => connectionString;
}
