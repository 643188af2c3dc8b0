using Microsoft.AspNetCore.Identity;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.People;

/// <summary>A demo person: user name, organisation subject, display name. All share <see cref="DemoPeople.Password"/>.</summary>
public sealed record DemoPerson(string UserName, string SubjectId, string DisplayName);

/// <summary>
/// Demo organisations, one per role, and their people. The subjects of the project owner, the VVB and the
/// trading participant are those whose accounts <see cref="DemoSeed"/> opens; the applicant has no account
/// yet. The password is public knowledge: never use demo people in production. Running twice changes nothing.
/// </summary>
public static class DemoPeople
{
    public const string Password = "Ccer-demo-2026!";

    public static readonly IReadOnlyList<OrganisationRecord> Organisations =
    [
        new("", "12100000MB0NCSC001", "National Center for Climate Change Strategy (registry, demo)", Roles.RegistryAdministrator, ""),
        new("", "11100000MEE0000001", "Ministry of Ecology and Environment (regulator, demo)", Roles.Regulator, ""),
        new("", "91110000MA00BGEX01", "Beijing Green Exchange (demo)", Roles.ExchangeOperator, ""),
        new("", "91370000MA3CSPIC01", "SPIC Shandong New Energy", Roles.ProjectOwner, ""),
        new("", "12100000VVB0000005", "China Quality Certification Centre", Roles.Vvb, ""),
        new("", "12100000VVB0000006", "China Environmental United Certification Center", Roles.Vvb, ""),
        new("", "91110000MA01CEMT02", "Jidong Cement Beijing", Roles.TradingParticipant, ""),
        new("", "91460000MA5BLUEC01", "Hainan Blue Carbon Development (applicant, demo)", Roles.ProjectOwner, ""),
    ];

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("registry.admin", "12100000MB0NCSC001", "Registry administrator (maker)"),
        new("registry.checker", "12100000MB0NCSC001", "Registry administrator (checker)"),
        new("mee.regulator", "11100000MEE0000001", "Regulator"),
        new("bgx.operator", "91110000MA00BGEX01", "Exchange operator"),
        new("spic.maker", "91370000MA3CSPIC01", "SPIC carbon asset officer (maker)"),
        new("spic.checker", "91370000MA3CSPIC01", "SPIC finance manager (checker)"),
        new("cqc.verifier", "12100000VVB0000005", "CQC lead verifier"),
        new("cec.verifier", "12100000VVB0000006", "CEC lead verifier"),
        new("jidong.trader", "91110000MA01CEMT02", "Jidong Cement carbon trader"),
        new("bluecarbon.applicant", "91460000MA5BLUEC01", "Blue Carbon registry contact"),
    ];

    /// <summary>Creates the demo organisations and people that do not exist yet; returns how many people were new.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<LedgerStore>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        foreach (var o in Organisations)
            await store.People.AddOrganisationAsync(o with { Id = Guid.CreateVersion7(time.GetUtcNow()).ToString(), CreatedAt = Stamp.Of(time.GetUtcNow()) }, ct);
        var created = 0;
        foreach (var p in People)
        {
            if (await users.FindByNameAsync(p.UserName) is not null) continue;
            var organisation = (await store.People.OrganisationOfSubjectAsync(p.SubjectId, ct))!;
            var user = new User { OrganisationId = organisation.Id, UserName = p.UserName, Email = p.UserName + "@openccer.example", DisplayName = p.DisplayName };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo person {p.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            created++;
        }
        return created;
    }
}
