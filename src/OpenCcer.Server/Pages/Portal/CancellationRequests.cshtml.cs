using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Server.Api;
using OpenCcer.Server.People;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>
/// The organisation's cancellation requests: a second person confirms one (the units are cancelled and a
/// certificate is numbered) or rejects it (the reserved units are released); the requester may withdraw it.
/// </summary>
public sealed class CancellationRequestsModel(LedgerStore store, PortalActions actions, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>Requests shown, newest first.</summary>
    public const int RequestsShownMax = 200;

    public List<ChangeRequestRecord> Requests { get; private set; } = [];
    public string? UserId { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Form { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id) =>
        await After(await actions.ConfirmCancellationAsync(HttpContext, id), "confirm-" + id, "confirmed");

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason) =>
        await After(await actions.RejectCancellationAsync(HttpContext, id, reason), "reject-" + id, "request-rejected", "reason");

    public FormErrors ErrorsOf(string form) => Form == form ? Errors : new FormErrors();

    private async Task<IActionResult> After(IResult result, string form, string done, params string[] fields)
    {
        if (Errors.Accept(result, text, fields)) return Redirect("/portal/cancellations?done=" + done);
        Form = form;
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var caller = Caller.Of(User);
        var member = Member.Of(User);
        UserId = member?.UserId;
        string? organisation = caller.Role is Role.RegistryAdministrator or Role.Regulator ? null : member?.OrganisationId;
        if (organisation is null && caller.Role is not (Role.RegistryAdministrator or Role.Regulator)) return;
        Requests = (await store.ChangeRequestsAsync(ChangeRequestKind.Cancellation, organisation, RequestsShownMax, 0, ct))
            .OrderByDescending(q => q.InitiatedAt, StringComparer.Ordinal).ToList();
    }
}
