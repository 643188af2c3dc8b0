using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
using OpenCcer.Application.ChangeRequests;
using OpenCcer.Application.People;
using OpenCcer.Application.Registry;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Api;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>
/// The organisation's accounts, holdings and serial blocks; units move between the registry and trading
/// account; a cancellation (注销) is requested here and confirmed by a second person.
/// </summary>
public sealed class HoldingsModel(LedgerStore store, RegistryEngine engine, SerialFormat serials, TimeProvider time, IStringLocalizer<Text> text) : FormPage
{
    /// <param name="Cancellations">A registry account's newest cancellations (at most <see cref="CancellationsShownMax"/>).</param>
    public sealed record AccountView(AccountRow Account, List<(HoldingRow Holding, List<BlockRow> Blocks)> Holdings, List<CancellationRow> Cancellations);

    /// <summary>Cancellations listed per registry account, newest first.</summary>
    public const int CancellationsShownMax = 100;

    public List<AccountView> Accounts { get; private set; } = [];

    /// <summary>A fresh operation id for each form, so a resent form is applied once.</summary>
    public string NewOperationId() => "web-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    public string Serial(BlockRow b) => serials.Render(new Instrument(b.ProjectCode, b.Vintage), b.First, b.Last);

    public static readonly CancellationPurpose[] Purposes =
        [CancellationPurpose.NationalEtsOffset, CancellationPurpose.LocalEtsOffset, CancellationPurpose.LargeEventNeutrality,
         CancellationPurpose.CorporateOffset, CancellationPurpose.VoluntaryPublicInterest];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostMoveAsync(string? operationId, long? account, string? projectCode, int? vintage, string? quantity)
    {
        var outcome = await new UnitHandlers(engine).MoveAsync(Caller.Of(User),
            new MoveRequest(operationId, account, projectCode, vintage, Tonnes(quantity)), HttpContext.RequestAborted);
        if (outcome.IsOk) return Redirect("/portal/holdings?done=moved");
        Errors.Accept(outcome.Refusal!, text, "quantity_tonnes");
        return await ShowRefusedAsync($"move-{account}-{projectCode}-{vintage}");
    }

    public async Task<IActionResult> OnPostCancelAsync([FromServices] CancellationRequests requests, string? operationId, long? account,
        string? projectCode, int? vintage, string? quantity, string? purpose, string? beneficiary)
    {
        var outcome = await requests.RequestAsync(Person.Of(User),
            new CancellationRequestBody(operationId, account, projectCode, vintage, Tonnes(quantity), purpose, beneficiary), HttpContext.RequestAborted);
        if (outcome.IsOk) return Redirect("/portal/cancellations?done=requested");
        Errors.Accept(outcome.Refusal!, text, "quantity_tonnes", "purpose", "beneficiary");
        return await ShowRefusedAsync($"cancel-{account}-{projectCode}-{vintage}");
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = Caller.Of(User);
        if (caller.SubjectId is null || !Roles.HoldsAccounts(caller.Role)) return;
        foreach (var account in (await store.Registry.AccountsOfSubjectAsync(caller.SubjectId, ct)).OrderBy(a => a.Id))
        {
            var blocks = await store.Registry.BlocksAsync(account.Id, ct);
            var holdings = (await store.Registry.HoldingsAsync(account.Id, ct))
                .Select(h => (h, blocks.Where(b => b.ProjectCode == h.ProjectCode && b.Vintage == h.Vintage).OrderBy(b => b.First).ToList())).ToList();
            var cancellations = account.Kind == (int)AccountKind.Registry
                ? await store.Registry.CancellationsOfAccountAsync(account.Id, CancellationsShownMax, ct)
                : [];
            Accounts.Add(new AccountView(account, holdings, cancellations));
        }
    }
}
