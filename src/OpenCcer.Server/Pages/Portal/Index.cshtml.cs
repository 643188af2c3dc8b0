using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Server.Api;
using OpenCcer.Server.People;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>The signed-in person's start page: the projects their role works on and where to act.</summary>
public sealed class IndexModel(LedgerStore store) : PageModel
{
    public Role Role { get; private set; }
    public string? OrganisationName { get; private set; }
    public string? SubjectId { get; private set; }
    public List<ProjectRecord> Projects { get; private set; } = [];
    public bool HoldsAccounts => Roles.HoldsAccounts(Role);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = Caller.Of(User);
        Role = caller.Role;
        SubjectId = caller.SubjectId;
        if (User.FindFirstValue(PeopleClaims.OrganisationId) is { } organisation)
            OrganisationName = (await store.People.OrganisationAsync(organisation, ct))?.Name;
        var all = await Explorer.AllProjectsAsync(store, ct);
        Projects = Role switch
        {
            Role.ProjectOwner => all.Where(p => p.OwnerSubjectId == SubjectId).ToList(),
            Role.Vvb => all.Where(p => p.VvbSubjectId == SubjectId).ToList(),
            Role.RegistryAdministrator or Role.Regulator => all.Where(p => p.State.Phase is ProjectPhase.Applied or ProjectPhase.UnderReview).ToList(),
            _ => [],
        };
    }
}
