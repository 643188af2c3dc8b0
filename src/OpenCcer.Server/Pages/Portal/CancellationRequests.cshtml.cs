using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
using OpenCcer.Application.ChangeRequests;
using OpenCcer.Application.People;
using OpenCcer.Server.Api;
using OpenCcer.Server.Web;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>
/// The organisation's cancellation requests: a second person confirms one (the units are cancelled and a
/// certificate is numbered) or rejects it (the reserved units are released); the requester may withdraw it.
/// Each form calls the same handler as the API (<see cref="CancellationRequests"/>).
/// </summary>
public sealed class CancellationRequestsModel(CancellationRequests requests, IStringLocalizer<Text> text) : FormPage
{
    /// <summary>Requests shown, newest first.</summary>
    public const int RequestsShownMax = 200;

    public List<ChangeRequestRecord> Requests { get; private set; } = [];
    public string? UserId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id) =>
        await After(await requests.ConfirmAsync(Person.Of(User), id, HttpContext.RequestAborted), "confirm-" + id, "confirmed");

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason) =>
        await After(await requests.RejectAsync(Person.Of(User), id, new ReasonRequest(reason), HttpContext.RequestAborted),
            "reject-" + id, "request-rejected", "reason");

    private async Task<IActionResult> After(Outcome<ChangeRequestResult> outcome, string form, string done, params string[] fields)
    {
        if (outcome.IsOk) return Redirect("/portal/cancellations?done=" + done);
        Errors.Accept(outcome.Refusal!, text, fields);
        return await ShowRefusedAsync(form);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        UserId = Person.Of(User)?.UserId;
        Requests = (await requests.ListAsync(Caller.Of(User), Person.Of(User), RequestsShownMax, 0, ct))
            .OrderByDescending(q => q.InitiatedAt, StringComparer.Ordinal).ToList();
    }
}
