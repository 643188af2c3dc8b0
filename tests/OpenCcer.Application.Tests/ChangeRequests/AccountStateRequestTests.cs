using OpenCcer.Application.ChangeRequests;
using OpenCcer.Application.People;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.People;

namespace OpenCcer.Application.Tests.ChangeRequests;

public sealed class AccountStateRequestTests : IAsyncLifetime
{
    private static readonly Person First = new("admin-1", "org-registry", "REGISTRY");
    private static readonly Person Second = new("admin-2", "org-registry", "REGISTRY");

    private readonly Registry registry = new();
    private AccountStateRequests requests = null!;

    public async Task InitializeAsync()
    {
        await registry.InitializeAsync();
        requests = new AccountStateRequests(registry.Store, registry.Engine, registry.Time);
    }

    public Task DisposeAsync() => registry.DisposeAsync();

    private AccountStateRequestBody Restrict(string op, string reason = "court order 7") =>
        new(op, registry.Holder.RegistryAccount.Value, "restricted", reason);

    private async Task<int> StateAsync() => (await registry.Store.Registry.AccountAsync(registry.Holder.RegistryAccount.Value))!.State;

    [Fact]
    public async Task the_ledger_changes_only_when_a_second_administrator_confirms()
    {
        var requested = await requests.RequestAsync(First, Restrict("s-1"));
        Assert.True(requested.Value!.Created);
        var id = Guid.Parse(requested.Value.Request.Id);
        Assert.Equal((int)AccountState.Active, await StateAsync());
        Assert.Equal("ConfirmerIsInitiator", (await requests.ConfirmAsync(First, id)).Refusal!.StatusCode);
        Assert.Equal((int)AccountState.Active, await StateAsync());
        var confirmed = await requests.ConfirmAsync(Second, id);
        Assert.StartsWith("Accounts restricted: journal row ", confirmed.Value!.Request.Outcome);
        Assert.Equal((int)AccountState.Restricted, await StateAsync());
    }

    [Fact]
    public async Task a_reused_operation_id_with_another_reason_is_refused()
    {
        Assert.True((await requests.RequestAsync(First, Restrict("s-op"))).IsOk);
        Assert.False((await requests.RequestAsync(First, Restrict("s-op"))).Value!.Created);
        Assert.Equal(Refusals.IdempotencyConflictType, (await requests.RequestAsync(First, Restrict("s-op", "another reason"))).Refusal!.Type);
    }

    [Fact]
    public async Task a_withdrawn_request_changes_nothing_and_cannot_be_confirmed()
    {
        var id = Guid.Parse((await requests.RequestAsync(First, Restrict("s-2"))).Value!.Request.Id);
        var withdrawn = await requests.RejectAsync(First, id, new ReasonRequest("asked in error"));
        Assert.Equal(ChangeRequestStatus.Rejected, withdrawn.Value!.Request.Status);
        Assert.Equal("StateConflict", (await requests.ConfirmAsync(Second, id)).Refusal!.StatusCode);
        Assert.Equal((int)AccountState.Active, await StateAsync());
        Assert.Equal("AccountNotFound", (await requests.RequestAsync(First, Restrict("s-3") with { AccountId = 999_999 })).Refusal!.StatusCode);
    }
}
