using System.Globalization;
using OpenCcer.Core.Compliance;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Compliance;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Application.Compliance;

/// <summary>
/// The national ETS link as use cases: the registry or the regulator registers key emitting units, records
/// verified emissions, allocates allowances, marks offset projects and reads the overview; a key emitting unit
/// (or the registry administrator) surrenders for it; an entity reads its own status, the registry and the
/// regulator every entity's. The API and the portal call these; the rules of a surrender (offset cap, ETS
/// coverage, Article 6) are <see cref="ComplianceService"/>'s.
/// </summary>
public sealed class ComplianceUseCases(LedgerStore store, ComplianceService compliance, TimeProvider time)
{
    public const int ProvinceLengthMax = 100;

    public ComplianceRules Rules => compliance.Rules;

    private static Refusal? Supervisor(Caller caller) =>
        caller.IsRegistryOrRegulator ? null : Refusals.Forbidden("Only the registry or the regulator manages the national ETS link.");

    /// <summary>Registers a key emitting unit (its registry account must be of that holder type).</summary>
    public async Task<Outcome<ComplianceEntity>> RegisterAsync(Caller caller, ComplianceEntityRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var subject = r.Text("subject_id", body.SubjectId, LedgerLimits.TextLengthMax);
        var sector = r.Enum<Sector>("sector", body.Sector);
        var province = r.Text("province", body.Province, ProvinceLengthMax);
        if (r.HasErrors) return r.Refusal();
        if (Supervisor(caller) is { } no) return no;
        return RefusalOr(await compliance.RegisterAsync(subject, sector, province, ct));
    }

    /// <summary>Records a period's verified emissions: the obligation.</summary>
    public async Task<Outcome<ComplianceRecord>> RecordEmissionsAsync(Caller caller, string subject, int period, VerifiedEmissionsRequest body,
        CancellationToken ct = default)
    {
        var r = new Fields();
        var tonnes = r.Required("verified_tonnes", body.VerifiedTonnes);
        if (tonnes is < 0 or > LedgerLimits.QuantityMax) r.Fail("verified_tonnes", $"Whole tonnes from 0 to {LedgerLimits.QuantityMax}.");
        if (r.HasErrors) return r.Refusal();
        if (Supervisor(caller) is { } no) return no;
        return RefusalOr(await compliance.RecordEmissionsAsync(subject, period, tonnes, ct));
    }

    /// <summary>Allocates allowances (CEA) of a period into the entity's registry account.</summary>
    public async Task<Outcome<ComplianceRecord>> AllocateAsync(Caller caller, string subject, int period, AllocationRequest body,
        CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(body.OperationId);
        var tonnes = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal();
        if (Supervisor(caller) is { } no) return no;
        return RefusalOr(await compliance.AllocateAsync(op, subject, period, tonnes, ct), op);
    }

    /// <summary>
    /// Surrenders allowances and CCER offsets for a period. Only the key emitting unit itself (an account-holding
    /// caller acting for the subject) or the registry administrator surrenders; the offset cap and the other rules
    /// are checked before anything is cancelled.
    /// </summary>
    public async Task<Outcome<SurrenderResult>> SurrenderAsync(Caller caller, string subject, int period, SurrenderRequestBody body,
        CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(body.OperationId);
        var allowances = body.AllowanceTonnes ?? 0;
        if (allowances is < 0 or > LedgerLimits.QuantityMax) r.Fail("allowance_tonnes", $"Whole tonnes from 0 to {LedgerLimits.QuantityMax}.");
        var offsets = new List<OffsetLine>();
        var lines = body.Offsets ?? [];
        if (lines.Count > SurrenderRequest.OffsetLinesMax) r.Fail("offsets", $"At most {SurrenderRequest.OffsetLinesMax} lines.");
        for (var i = 0; i < lines.Count && i < SurrenderRequest.OffsetLinesMax; i++)
        {
            var line = lines[i] ?? new OffsetLineBody(null, null, null);
            var lineFields = new Fields();
            var instrument = lineFields.Instrument(line.ProjectCode, line.Vintage);
            var tonnes = lineFields.Quantity("quantity_tonnes", line.QuantityTonnes);
            if (lineFields.HasErrors) r.Fail(string.Create(CultureInfo.InvariantCulture, $"offsets[{i}]"), "Needs project_code, vintage and quantity_tonnes (at least 1).");
            offsets.Add(new OffsetLine(instrument, tonnes));
        }
        if (r.HasErrors) return r.Refusal();
        if (await store.Compliance.ComplianceEntityAsync(subject, ct) is null) return Refusals.Of(ComplianceStatus.EntityNotFound);
        if (!caller.IsAdministrator && !caller.Owns(subject))
            return Refusals.Forbidden("Only the key emitting unit itself (or the registry administrator) surrenders its units.");
        var outcome = await compliance.SurrenderAsync(op, subject, new SurrenderRequest(period, allowances, body.AllowanceVintage, offsets), ct);
        if (!outcome.IsOk) return RefusalOf(outcome, op);
        return new SurrenderResult(op, outcome.Value!, await compliance.RecordAsync(subject, period, ct));
    }

    /// <summary>An entity's record for a period: the entity itself reads its own, the registry and the regulator every entity's.</summary>
    public async Task<Outcome<ComplianceStatusResult>> StatusAsync(Caller caller, string subject, int period, CancellationToken ct = default)
    {
        if (await store.Compliance.ComplianceEntityAsync(subject, ct) is null) return Refusals.Of(ComplianceStatus.EntityNotFound);
        if (!caller.IsRegistryOrRegulator && caller.SubjectId != subject)
            return Refusals.Forbidden("An entity reads its own compliance status; the registry and the regulator read all.");
        return new ComplianceStatusResult(await compliance.RecordAsync(subject, period, ct), await store.Compliance.SurrenderLinesAsync(subject, period, ct));
    }

    /// <summary>Compliance across entities and sectors, for the registry and the regulator.</summary>
    public async Task<Outcome<ComplianceOverview>> OverviewAsync(Caller caller, int? period, CancellationToken ct = default)
    {
        if (Supervisor(caller) is { } no) return no;
        var entities = (await store.Compliance.ComplianceEntitiesAsync(ct)).ToDictionary(e => e.SubjectId, StringComparer.Ordinal);
        var records = (await store.Compliance.ComplianceRecordsAsync(null, null, ct)).Where(r => entities.ContainsKey(r.SubjectId)).ToList();
        var rows = records.Where(r => period is null || r.Period == period)
            .Select(r => new ComplianceOverviewRow(entities[r.SubjectId], r, Rules.OffsetLimit(r.Obligation)))
            .OrderBy(r => r.Entity.Sector).ThenBy(r => r.Entity.Name, StringComparer.Ordinal).ThenByDescending(r => r.Record.Period)
            .ToList();
        var sectors = rows.GroupBy(r => r.Entity.Sector).OrderBy(g => g.Key).Select(g => new ComplianceSectorTotal(g.Key,
            g.Select(r => r.Entity.SubjectId).Distinct().Count(), g.Sum(r => r.Record.Obligation), g.Sum(r => r.Record.SurrenderedAllowances),
            g.Sum(r => r.Record.OffsetsUsed), g.Sum(r => r.OffsetLimit), g.Sum(r => r.Record.Shortfall), g.Count(r => r.Record.Compliant),
            g.Count(r => !r.Record.Compliant))).ToList();
        return new ComplianceOverview(period, records.Select(r => r.Period).Distinct().OrderDescending().ToList(), sectors, rows);
    }

    /// <summary>The key emitting units, for the registry and the regulator.</summary>
    public async Task<Outcome<IReadOnlyList<ComplianceEntity>>> EntitiesAsync(Caller caller, CancellationToken ct = default) =>
        Supervisor(caller) is { } no ? no : Outcome<IReadOnlyList<ComplianceEntity>>.Ok(await store.Compliance.ComplianceEntitiesAsync(ct));

    /// <summary>Marks a project as inside ETS coverage or as legacy (its CCERs are then refused as offsets).</summary>
    public async Task<Outcome<OffsetProject>> SetOffsetProjectAsync(Caller caller, string code, OffsetProjectRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var covered = r.Required("under_ets_coverage", body.UnderEtsCoverage);
        var legacy = r.Required("legacy", body.Legacy);
        if (code.Length > LedgerLimits.ProjectCodeLengthMax) r.Fail("code", $"At most {LedgerLimits.ProjectCodeLengthMax} characters.");
        if (r.HasErrors) return r.Refusal();
        if (Supervisor(caller) is { } no) return no;
        var project = new OffsetProject(code, covered, legacy);
        await store.Compliance.SetOffsetProjectAsync(project, EventJson.Timestamp(time.GetUtcNow()), ct);
        return project;
    }

    /// <summary>Projects whose CCERs are restricted as offsets, for the registry and the regulator.</summary>
    public async Task<Outcome<IReadOnlyList<OffsetProject>>> OffsetProjectsAsync(Caller caller, CancellationToken ct = default) =>
        Supervisor(caller) is { } no ? no : Outcome<IReadOnlyList<OffsetProject>>.Ok(await store.Compliance.OffsetProjectsAsync(ct));

    private static Outcome<T> RefusalOr<T>(ComplianceOutcome<T> outcome, string operationId = "") =>
        outcome.IsOk ? Outcome<T>.Ok(outcome.Value!) : Outcome<T>.No(RefusalOf(outcome, operationId));

    /// <summary>The refusal of a refused outcome: a compliance rule, a ledger rule, or a reused operation id.</summary>
    private static Refusal RefusalOf<T>(ComplianceOutcome<T> outcome, string operationId) =>
        outcome.IdempotencyConflict
            ? Refusals.IdempotencyConflict(operationId).WithDetail($"Operation '{operationId}' was used with another body; choose a new operation id.")
            : outcome.LedgerStatus is { } ledger ? Refusals.Of(ledger) : Refusals.Of(outcome.Status);
}
