using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Storage;

/// <summary>A demo API key: who it acts for. Demo keys are public knowledge: never use them in production.</summary>
public sealed record DemoKey(string Key, string Role, string? SubjectId, string Label);

/// <summary>
/// Demo data: the real first-batch projects shipped as reference data plus a few synthetic ones,
/// their owners' and buyers' accounts, issuances, transfers to trading, cancellations and a freeze.
/// Every operation has a fixed id, so seeding twice changes nothing.
/// </summary>
public static class DemoSeed
{
    public static readonly IReadOnlyList<DemoKey> Keys =
    [
        new("ccer-demo-registry-admin", Roles.RegistryAdministrator, null, "Registry administrator (demo)"),
        new("ccer-demo-regulator", Roles.Regulator, null, "Regulator (demo)"),
        new("ccer-demo-exchange", Roles.ExchangeOperator, null, "Exchange operator (demo)"),
        new("ccer-demo-owner-spic", Roles.ProjectOwner, "91370000MA3CSPIC01", "SPIC Shandong (demo project owner)"),
        new("ccer-demo-owner-wufeng", Roles.ProjectOwner, "12420000MA5WUFENG7", "Wufeng Forestry Bureau (demo project owner)"),
        new("ccer-demo-vvb-cqc", Roles.Vvb, "12100000VVB0000005", "China Quality Certification Centre (demo VVB)"),
        new("ccer-demo-vvb-cec", Roles.Vvb, "12100000VVB0000006", "China Environmental United Certification Center (demo VVB)"),
        new("ccer-demo-buyer-cement", Roles.Participant, "91110000MA01CEMT02", "Jidong Cement (demo participant)"),
    ];

    private sealed record DemoProject(string Code, string Name, string OwnerSubject, string OwnerName, long AnnualTonnes, int FirstVintage, bool Issued = true);

    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Seeds through the engine and stores the demo keys; returns how many operations were new.</summary>
    public static async Task<int> RunAsync(RegistryEngine engine, CancellationToken ct = default)
    {
        var applied = 0;
        async Task<LedgerEvent?> Do(string id, LedgerCommand command)
        {
            var s = await engine.SubmitAsync("seed-" + id, command, ct);
            if (s.IdempotencyConflict || !s.Result.IsOk)
                throw new InvalidOperationException($"Demo seed step {id} failed: {(s.IdempotencyConflict ? "idempotency conflict" : s.Status)}.");
            if (!s.Replayed) applied++;
            return s.Result.Event;
        }

        var projects = Projects();
        var registry = new Dictionary<string, AccountId>(StringComparer.Ordinal);
        foreach (var (subject, name, type) in projects.Select(p => (p.OwnerSubject, p.OwnerName, HolderType.ProjectOwner)).Distinct()
                     .Concat([("91110000MA01CEMT02", "Jidong Cement Beijing", HolderType.KeyEmittingUnit),
                              ("91320000MA02STEL03", "Jiangsu Shagang Steel", HolderType.KeyEmittingUnit),
                              ("91310000MA03TRAD04", "Shanghai Green Capital", HolderType.OtherTradingSubject),
                              ("12100000VVB0000005", "China Quality Certification Centre", HolderType.Vvb),
                              ("12100000VVB0000006", "China Environmental United Certification Center", HolderType.Vvb)]))
        {
            var opened = (AccountOpened)(await Do($"account-{subject}", new OpenAccount(subject, name, type)))!;
            registry[subject] = opened.RegistryAccount;
        }

        foreach (var p in projects.Where(p => p.Issued))
        {
            var owner = registry[p.OwnerSubject];
            for (var vintage = p.FirstVintage; vintage <= 2025; vintage++)
            {
                var instrument = new Instrument(p.Code, vintage);
                await Do($"issue-{p.Code}-{vintage}", new IssueUnits($"{p.Code}-MR-{vintage}", instrument, p.AnnualTonnes, owner));
                await Do($"to-trading-{p.Code}-{vintage}", new TransferUnits(owner, new AccountId(owner.Value + 1), instrument,
                    p.AnnualTonnes / 4, TransferReason.ToTrading, null));
            }
        }

        var wind = new Instrument(projects[0].Code, 2024);
        var spic = registry[projects[0].OwnerSubject];
        await Do("cancel-spic-2024-voluntary", new CancelUnits(spic, wind, 5_000, CancellationPurpose.VoluntaryPublicInterest,
            "SPIC Shandong 2024 office and fleet emissions", null));
        await Do("freeze-spic-2025", new FreezeUnits(spic, new Instrument(projects[0].Code, 2025), 1_000, null, null, "(2025)鲁02执保17号"));
        var zhangzhou = registry[projects[3].OwnerSubject];
        await Do("cancel-mangrove-neutrality", new CancelUnits(zhangzhou, new Instrument(projects[3].Code, 2024), 1_200,
            CancellationPurpose.LargeEventNeutrality, "2025 Xiamen Marathon", null));
        await Do("request-cancel-spic", new ReserveUnits(spic, wind, 2_000, "cancellation request awaiting confirmation"));

        foreach (var k in Keys) await engine.Store.People.SaveApiKeyAsync(HashKey(k.Key), k.Role, k.SubjectId, k.Label, ct);
        return applied + await Lifecycle.DemoLifecycleSeed.RunAsync(engine.Store, engine, ct);
    }

    private static List<DemoProject> Projects()
    {
        var list = new List<DemoProject>();
        // The first three rows of the shipped list (after its header): name in column 0, expected t/yr in column 6.
        var rows = CsvText.Lines(ReferenceData.Read("projects-first-batch.csv")).Skip(1).Take(3).ToArray();
        var owners = new[] { ("91370000MA3CSPIC01", "SPIC Shandong New Energy"), ("91440000MA4CGN0006", "CGN Shanwei Wind Power"), ("12420000MA5WUFENG7", "Wufeng Tujia County Forestry Bureau") };
        var codes = new[] { "SD-OW-0001", "GD-OW-0002", "HB-AF-0003" };
        for (var i = 0; i < rows.Length; i++)
        {
            var annual = long.Parse(rows[i].Fields[6], CultureInfo.InvariantCulture);
            // Hubei Wufeng is still in its public notice: nothing is issued for it.
            list.Add(new DemoProject(codes[i], rows[i].Fields[0], owners[i].Item1, owners[i].Item2, annual, 2022, Issued: i != 2));
        }
        list.Add(new DemoProject("FJ-MG-0004", "Fujian Zhangjiangkou mangrove planting (synthetic)", "12350000MA6MANGR8", "Zhangzhou Mangrove Reserve", 3_400, 2023));
        list.Add(new DemoProject("QH-ST-0005", "Qinghai Delingha 50 MW solar thermal (synthetic)", "91630000MA7CSP009", "Qinghai Solar Thermal Power", 120_000, 2022));
        return list;
    }
}
