using Microsoft.Extensions.Time.Testing;
using OpenCcer.Application.People;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.ChangeRequests;

/// <summary>
/// A real SQLite registry of its own for one test class: two holders, the first holding units of one
/// instrument in its registry account, and people of both organisations.
/// </summary>
public sealed class Registry : IAsyncLifetime
{
    public static readonly Instrument Wind = new("SD-OW-0001", 2024);
    public const long Issued = 1_000;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    public LedgerStore Store { get; private set; } = null!;
    public RegistryEngine Engine { get; private set; } = null!;
    public AccountOpened Holder { get; private set; } = null!;
    public AccountOpened Other { get; private set; } = null!;

    public static readonly Person Maker = new("maker", "org-holder", "91370000HOLDER0001");
    public static readonly Person Checker = new("checker", "org-holder", "91370000HOLDER0001");
    public static readonly Person Outsider = new("outsider", "org-other", "91370000OTHER00001");

    public async Task InitializeAsync()
    {
        Store = TestStores.New("sqlite");
        Engine = await RegistryEngine.StartAsync(Store, Time);
        Holder = (AccountOpened)(await Engine.SubmitAsync("open-holder", new OpenAccount(Maker.SubjectId, "Holder", HolderType.ProjectOwner))).Result.Event!;
        Other = (AccountOpened)(await Engine.SubmitAsync("open-other", new OpenAccount(Outsider.SubjectId, "Other", HolderType.KeyEmittingUnit))).Result.Event!;
        Assert.True((await Engine.SubmitAsync("issue", new IssueUnits("MR-1", Wind, Issued, Holder.RegistryAccount))).Result.IsOk);
    }

    public async Task<Storage.Projections.HoldingRow> HoldingAsync(AccountId account) =>
        (await Store.Registry.HoldingsAsync(account.Value)).Single(h => h.ProjectCode == Wind.ProjectCode && h.Vintage == Wind.Vintage);

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Store.DisposeAsync();
    }
}
