using System.Globalization;
using OpenCcer.Application.ChangeRequests;
using OpenCcer.Application.People;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.People;

namespace OpenCcer.Application.Tests.ChangeRequests;

public sealed class CancellationRequestTests : IAsyncLifetime
{
    private readonly Registry registry = new();
    private CancellationRequests requests = null!;

    public async Task InitializeAsync()
    {
        await registry.InitializeAsync();
        requests = new CancellationRequests(registry.Store, registry.Engine, registry.Time);
    }

    public Task DisposeAsync() => registry.DisposeAsync();

    private CancellationRequestBody Body(string op, long tonnes = 100, long? account = null) =>
        new(op, account ?? registry.Holder.RegistryAccount.Value, Registry.Wind.ProjectCode, Registry.Wind.Vintage, tonnes, "corporate_offset", "Holder 2026");

    private async Task<ChangeRequestResult> RequestedAsync(string op, long tonnes = 100)
    {
        var outcome = await requests.RequestAsync(Registry.Maker, Body(op, tonnes));
        Assert.True(outcome.IsOk, outcome.Refusal?.ToString());
        return outcome.Value!;
    }

    [Fact]
    public async Task a_request_reserves_the_units_and_only_another_person_of_the_organisation_confirms_it()
    {
        var requested = await RequestedAsync("c-1", 300);
        Assert.True(requested.Created);
        Assert.Equal(ChangeRequestStatus.Pending, requested.Request.Status);
        Assert.Equal(300, (await registry.HoldingAsync(registry.Holder.RegistryAccount)).Reserved);
        var id = Guid.Parse(requested.Request.Id);

        Assert.Equal("ConfirmerIsInitiator", (await requests.ConfirmAsync(Registry.Maker, id)).Refusal!.StatusCode);
        Assert.Equal("OtherOrganisation", (await requests.ConfirmAsync(Registry.Outsider, id)).Refusal!.StatusCode);
        Assert.Equal("PersonRequired", (await requests.ConfirmAsync(null, id)).Refusal!.StatusCode);
        Assert.Equal(RefusalKind.Forbidden, (await requests.ConfirmAsync(Registry.Maker, id)).Refusal!.Kind);

        var confirmed = await requests.ConfirmAsync(Registry.Checker, id);
        Assert.True(confirmed.IsOk);
        Assert.Equal(ChangeRequestStatus.Confirmed, confirmed.Value!.Request.Status);
        var holding = await registry.HoldingAsync(registry.Holder.RegistryAccount);
        Assert.Equal((0L, 300L), (holding.Reserved, holding.Cancelled));
        Assert.Equal(["reserving", "pending", "confirmed", "confirmed"],
            confirmed.Value.History.Select(h => Fields.Snake(((ChangeRequestStatus)h.Status).ToString())));
        Assert.Equal("StateConflict", (await requests.ConfirmAsync(Registry.Checker, id)).Refusal!.StatusCode);
    }

    [Fact]
    public async Task the_certificate_number_is_kept_as_a_value_not_read_back_from_the_outcome_text()
    {
        var id = Guid.Parse((await RequestedAsync("c-cert")).Request.Id);
        var confirmed = (await requests.ConfirmAsync(Registry.Checker, id)).Value!.Request;
        var cancellation = (await registry.Store.Registry.CancellationsOfAccountAsync(registry.Holder.RegistryAccount.Value, 10)).Single();
        Assert.Equal(cancellation.CertificateNumber, confirmed.CertificateNumber);
        Assert.Equal(cancellation.CertificateNumber, (await registry.Store.Workflow.ChangeRequestAsync(confirmed.Id))!.CertificateNumber);
        var rejected = await RequestedAsync("c-no-cert");
        var withdrawn = await requests.RejectAsync(Registry.Maker, Guid.Parse(rejected.Request.Id), new ReasonRequest("changed our mind"));
        Assert.Null(withdrawn.Value!.Request.CertificateNumber);
    }

    [Fact]
    public async Task a_reused_operation_id_with_another_body_is_refused_and_the_same_body_returns_the_first_request()
    {
        var first = await RequestedAsync("c-op", 100);
        var again = await requests.RequestAsync(Registry.Maker, Body("c-op", 100));
        Assert.Equal((first.Request.Id, false), (again.Value!.Request.Id, again.Value.Created));
        var other = await requests.RequestAsync(Registry.Maker, Body("c-op", 101));
        Assert.Equal(RefusalKind.Unprocessable, other.Refusal!.Kind);
        Assert.Equal(Refusals.IdempotencyConflictType, other.Refusal.Type);
        Assert.Equal(100, (await registry.HoldingAsync(registry.Holder.RegistryAccount)).Reserved);
    }

    [Fact]
    public async Task a_retry_under_another_culture_is_the_same_request()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var first = await RequestedAsync("c-culture", 1_000);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
            var again = await requests.RequestAsync(Registry.Maker, Body("c-culture", 1_000));
            Assert.Equal(first.Request.Id, again.Value!.Request.Id);
            Assert.Equal(first.Request.RequestHash, again.Value.Request.RequestHash);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task another_subjects_account_a_trading_account_and_the_registrys_own_purposes_are_refused()
    {
        Assert.Equal("OtherOrganisation", (await requests.RequestAsync(Registry.Outsider, Body("x-1"))).Refusal!.StatusCode);
        Assert.Equal("AccountKindWrong",
            (await requests.RequestAsync(Registry.Maker, Body("x-2", account: registry.Holder.TradingAccount.Value))).Refusal!.StatusCode);
        Assert.Equal("AccountNotFound", (await requests.RequestAsync(Registry.Maker, Body("x-3", account: 999_999))).Refusal!.StatusCode);
        var forced = await requests.RequestAsync(Registry.Maker, Body("x-4") with { Purpose = "forced" });
        Assert.Equal(["purpose"], forced.Refusal!.Errors!.Keys);
        Assert.Equal("PersonRequired", (await requests.RequestAsync(null, Body("x-5"))).Refusal!.StatusCode);
        Assert.Equal(0, (await registry.HoldingAsync(registry.Holder.RegistryAccount)).Reserved);
    }

    [Fact]
    public async Task units_the_ledger_will_not_hold_refuse_the_request()
    {
        var outcome = await requests.RequestAsync(Registry.Maker, Body("c-too-many", Registry.Issued + 1));
        Assert.Equal("InsufficientUnits", outcome.Refusal!.StatusCode);
        var stored = (await requests.ListAsync(Caller.Of(Roles.ProjectOwner, Registry.Maker.SubjectId), Registry.Maker)).Single();
        Assert.Equal(ChangeRequestStatus.Refused, stored.Status);
    }

    [Fact]
    public async Task a_rejection_releases_the_units_and_another_organisation_neither_reads_nor_rejects()
    {
        var id = Guid.Parse((await RequestedAsync("c-reject", 250)).Request.Id);
        var outsider = Caller.Of(Roles.Participant, Registry.Outsider.SubjectId);
        Assert.Equal("OtherOrganisation", (await requests.GetAsync(outsider, Registry.Outsider, id)).Refusal!.StatusCode);
        Assert.Empty(await requests.ListAsync(outsider, Registry.Outsider));
        Assert.Single(await requests.ListAsync(Caller.Of(Roles.Regulator, null), null));
        Assert.Equal("OtherOrganisation", (await requests.RejectAsync(Registry.Outsider, id, new ReasonRequest("no"))).Refusal!.StatusCode);
        Assert.Equal(["reason"], (await requests.RejectAsync(Registry.Checker, id, new ReasonRequest(" "))).Refusal!.Errors!.Keys);
        var rejected = await requests.RejectAsync(Registry.Checker, id, new ReasonRequest("wrong beneficiary"));
        Assert.Equal(ChangeRequestStatus.Rejected, rejected.Value!.Request.Status);
        Assert.Equal(0, (await registry.HoldingAsync(registry.Holder.RegistryAccount)).Reserved);
    }
}
