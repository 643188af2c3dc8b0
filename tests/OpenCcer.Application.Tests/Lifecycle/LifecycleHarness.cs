using Microsoft.Extensions.Time.Testing;
using OpenCcer.Application.Documents;
using OpenCcer.Application.Lifecycle;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Methodologies;
using OpenCcer.Storage;
using OpenCcer.Storage.Lifecycle;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.Lifecycle;

/// <summary>The lifecycle and document handlers on a fresh SQLite store with the registry engine, on a fake clock.</summary>
public sealed class LifecycleHarness : IAsyncLifetime
{
    public const string Owner = "91370000MA3CSPIC01";
    public const string OtherOwner = "12420000MA5WUFENG7";
    public const string Vvb = "12100000VVB0000005";
    public const string OtherVvb = "12100000VVB0000006";
    public const string Trader = "91110000MA01CEMT02";
    public const string Sha = "5f0c3b1e8a9d4c7b2e6f1a0d9c8b7a6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a";

    public static readonly Caller OwnerCaller = new(Role.ProjectOwner, Owner);
    public static readonly Caller OtherOwnerCaller = new(Role.ProjectOwner, OtherOwner);
    public static readonly Caller VvbCaller = new(Role.Vvb, Vvb);
    public static readonly Caller OtherVvbCaller = new(Role.Vvb, OtherVvb);
    public static readonly Caller TraderCaller = new(Role.TradingParticipant, Trader);
    public static readonly Caller Administrator = new(Role.RegistryAdministrator, "12100000MB0NCSC001");
    public static readonly Caller Regulator = new(Role.Regulator, "11100000MEE0000001");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero));
    public LedgerStore Store { get; private set; } = null!;
    public ProjectHandlers Projects { get; private set; } = null!;
    public DocumentHandlers Documents { get; private set; } = null!;
    private RegistryEngine engine = null!;

    public async Task InitializeAsync()
    {
        Store = TestStores.New("sqlite");
        engine = await RegistryEngine.StartAsync(Store, Clock);
        var lifecycle = new LifecycleService(Store, engine, WorkingDayCalendar.Shipped(), MethodologyCatalogue.Shipped, Clock);
        Projects = new ProjectHandlers(lifecycle);
        Documents = new DocumentHandlers(Store, Clock, new DocumentLimits(1024 * 1024, 5));
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await Store.DisposeAsync();
    }

    public static DraftProjectRequest DraftRequest(string title = "Offshore wind test") =>
        new(title, "CCER-01-002-V01", "Shandong", new DateOnly(2020, 7, 8), new DateOnly(2021, 12, 16), 10);

    public static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.IsOk, outcome.Refusal?.ToString());
        return outcome.Value!;
    }

    public static Refusal Refused<T>(Outcome<T> outcome, RefusalKind kind, string type)
    {
        Assert.False(outcome.IsOk, "expected a refusal");
        Assert.Equal((kind, type), (outcome.Refusal!.Kind, outcome.Refusal.Type));
        return outcome.Refusal;
    }

    public async Task<Guid> DraftAsync() => Ok(await Projects.DraftAsync(OwnerCaller, DraftRequest())).State.Id.Value;

    /// <summary>A project in its public notice, <see cref="Vvb"/> named to validate it.</summary>
    public async Task<Guid> PublishedAsync()
    {
        var id = await DraftAsync();
        Ok(await Projects.PublishAsync(OwnerCaller, id, new VvbRequest(Vvb)));
        return id;
    }

    /// <summary>A project validated positively by <see cref="Vvb"/>, ready to apply.</summary>
    public async Task<Guid> ValidatedAsync()
    {
        var id = await PublishedAsync();
        Clock.Advance(TimeSpan.FromDays(35));
        Ok(await Projects.EndNoticeAsync(OwnerCaller, id));
        Ok(await Projects.StartValidationAsync(VvbCaller, id));
        Ok(await Projects.SubmitValidationReportAsync(VvbCaller, id, new ValidationReportRequest("positive", Sha, "Valid.")));
        return id;
    }
}
